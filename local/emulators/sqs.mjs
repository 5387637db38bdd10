// Runs local-aws-sqs (SQS Query and JSON protocols, in memory) in its own process, on loopback only.
// argv: <port or 0>. Reports { port } to the parent over IPC.
import { createSqsServer } from 'local-aws-sqs';

const [portArg] = process.argv.slice(2);
const server = await createSqsServer({
  port: Number(portArg) || 0,
  hostname: '127.0.0.1',
  emulateQueueCreationLifecycle: false,
});
const report = () => process.send?.({ port: server.address().port });
if (server.listening) report();
else server.once('listening', report);
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.on('disconnect', stop);
