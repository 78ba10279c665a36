import mongoose, { type Connection } from 'mongoose';

/**
 * Opens a connection that fails fast instead of queueing: with `bufferCommands` off and a short
 * server-selection timeout, a request made while the database is down gets an error within about
 * a second (answered as 503), never a hang.
 */
export async function connectDatabase(
  url: string,
  options: { serverSelectionTimeoutMS?: number } = {},
): Promise<Connection> {
  const connection = mongoose.createConnection(url, {
    bufferCommands: false,
    autoIndex: false,
    serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? 1000,
    connectTimeoutMS: 2000,
    socketTimeoutMS: 20000,
    maxPoolSize: 20,
    // FerretDB answers `hello` like MongoDB 7 but has no retryable writes session support.
    retryWrites: false,
  });
  await connection.asPromise();
  return connection;
}

export async function pingDatabase(connection: Connection, timeoutMs = 1000): Promise<boolean> {
  try {
    const db = connection.db;
    if (!db || connection.readyState !== 1) return false;
    await withTimeout(db.command({ ping: 1 }), timeoutMs);
    return true;
  } catch {
    return false;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

/** True when an error means "the database cannot be reached right now" (→ 503 + Retry-After). */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const name = error.name;
  return (
    name === 'MongoServerSelectionError' ||
    name === 'MongoNetworkError' ||
    name === 'MongoNetworkTimeoutError' ||
    name === 'MongoNotConnectedError' ||
    name === 'MongoTopologyClosedError' ||
    /buffering timed out|Client must be connected|connection .* closed|ECONNREFUSED/i.test(error.message) ||
    (name === 'MongoServerError' && isStorageUnavailable(error.message))
  );
}

/**
 * FerretDB is up but the PostgreSQL under it is not: FerretDB passes PostgreSQL's error on, with
 * its SQLSTATE — class 08 (connection exception), 57P01–57P03 (shut down, crashed, not yet
 * accepting connections), 53300 (too many connections) — or pgx's own "failed to connect".
 */
function isStorageUnavailable(message: string): boolean {
  return /SQLSTATE (08[0-9A-Z]{3}|57P0[123]|53300)|failed to connect to|connection refused/i.test(message);
}

/**
 * A unique-index violation. MongoDB and FerretDB answer an insert with E11000; FerretDB 1.24 on
 * SQLite (the earlier embedded store, still possible with MONGO_URL) answers an update that
 * breaks a unique index with InternalError (code 1) carrying SQLite's "UNIQUE constraint failed".
 */
export function isDuplicateKeyError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (code === 11000) return true;
  return code === 1 && error instanceof Error && /UNIQUE constraint failed/.test(error.message);
}
