// npm run generate -w @hub/indicators -- postgres://…/hub_indicators   (a database the subgraph has migrated and seeded)
import { generate } from '../generator';

const url = process.argv[2];
if (!url) {
  process.stderr.write('usage: npm run generate -w @hub/indicators -- <postgres URL of the indicators database>\n');
  process.exit(2);
}
generate(url, { log: (m) => process.stdout.write(`${m}\n`) }).then(
  (r) => process.stdout.write(`${r.values} values in ${r.seconds.toFixed(1)} s\n`),
  (e) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
