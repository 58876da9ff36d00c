// The security console's entry point, bundled by the gateway (gateway/src/console.ts) with esbuild: React 18,
// Mantine's components and charts, styles included, nothing loaded from anywhere but the gateway.
import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/charts/styles.css';
import 'dayjs/locale/vi';
import { createRoot } from 'react-dom/client';
import { App } from './App';

const nonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content ?? '';
const root = document.getElementById('console');
if (root) createRoot(root).render(<App styleNonce={nonce} />);
