// The floor of benchmark B1: what carrying an answer of the same bytes over HTTP costs, with nothing computing it.
// A plain node:http server in its own process, as a subgraph is: `PUT /answer` stores a body (once), and every
// `POST /graphql` is answered with it (application/json, its length), whatever the request says.
//   PORT
import { createServer } from 'node:http';

let answer = Buffer.from('{"data":null}');

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    if (req.method === 'PUT' && req.url === '/answer') {
      answer = Buffer.concat(chunks);
      res.writeHead(204).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': answer.length }).end(answer);
  });
});
server.keepAliveTimeout = 30_000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ready'));
const stop = () => server.close(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
