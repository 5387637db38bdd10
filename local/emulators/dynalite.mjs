// Runs dynalite (DynamoDB API on LevelDB) in its own process, on loopback only.
// argv: <port or 0> [data folder; in memory when absent]. Reports { port } to the parent over IPC.
import dynalite from 'dynalite';

const [portArg, path] = process.argv.slice(2);
const server = dynalite({ path: path || undefined, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
server.listen(Number(portArg) || 0, '127.0.0.1', () => {
  process.send?.({ port: server.address().port });
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.on('disconnect', stop);
