import { createServer } from 'node:http';
import { listen } from '../server';

describe('listen', () => {
  it('resolves with the port it got, and rejects when the port is taken', async () => {
    const first = createServer();
    const second = createServer();
    try {
      const port = await listen(first, 0, '127.0.0.1');
      expect(port).toBeGreaterThan(0);
      await expect(listen(second, port, '127.0.0.1')).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      first.close();
    }
  });
});
