import Fastify from 'fastify';
import type { Sample } from './load-protocol.js';

/**
 * The limit: a bare Fastify server (default options, no plugins) that answers every request
 * with bytes captured from Cairn, held in memory. What Cairn does beyond this — auth, validation,
 * the database, serialisation — is the cost its throughput ratio measures.
 */
let current: Sample = { status: 200, contentType: 'application/json', body: '{}' };
let payload = Buffer.from(current.body);

const app = Fastify({ logger: false });
app.all('/*', (_req, reply) => {
  reply.code(current.status).header('content-type', current.contentType).send(payload);
});

process.on('message', (sample: Sample) => {
  current = sample;
  payload = Buffer.from(sample.body);
  process.send?.('ready');
});

const port = Number(process.env.LIMIT_PORT);
app.listen({ port, host: '127.0.0.1' }).then(
  () => process.send?.('listening'),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
