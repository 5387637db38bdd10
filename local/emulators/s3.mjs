// Runs s3rver (the S3 REST API on the file system) in its own process, on loopback only; it stands in for the
// mail bucket. argv: <port or 0> <data folder> <bucket>. Reports { port } to the parent over IPC.
import S3rver from 's3rver';

const [portArg, directory, bucket] = process.argv.slice(2);
const server = new S3rver({ port: Number(portArg) || 0, address: '127.0.0.1', silent: true, directory, configureBuckets: [{ name: bucket }] });
const { port } = await server.run();
process.send?.({ port });
const stop = () => server.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.on('disconnect', stop);
