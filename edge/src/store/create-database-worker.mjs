// Creates a PGlite database in a worker thread: PGlite runs on the thread that calls it,
// and a first creation (initdb) takes seconds, which would stall the edge's event loop.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

const database = await PGlite.create({ dataDir: workerData.dataDir });
await database.exec(workerData.schema);
await database.close();
parentPort?.postMessage('created');
