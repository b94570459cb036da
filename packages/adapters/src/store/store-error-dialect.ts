import type {
  DatabaseConnection,
  Dialect,
  Driver,
  Kysely,
  QueryCompiler,
  QueryResult,
  TransactionSettings,
  CompiledQuery,
} from 'kysely';
import { toStoreError } from './connection-errors.ts';

type CompileQuery = QueryCompiler['compileQuery'];

async function translating<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toStoreError(error);
  }
}

/** A connection whose connection errors surface as `store-unavailable`. */
class StoreErrorConnection implements DatabaseConnection {
  constructor(readonly inner: DatabaseConnection) {}

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return translating(() => this.inner.executeQuery<R>(query));
  }

  async *streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    try {
      yield* this.inner.streamQuery<R>(query, chunkSize);
    } catch (error) {
      throw toStoreError(error);
    }
  }
}

/** The driver's own connection object: the wrapped driver releases what it acquired. */
function unwrap(connection: DatabaseConnection): DatabaseConnection {
  return connection instanceof StoreErrorConnection ? connection.inner : connection;
}

/** The driver's savepoint method, refused as Kysely refuses it when the driver has none. */
function savepointOf(driver: Driver, method: 'savepoint' | 'rollbackToSavepoint' | 'releaseSavepoint') {
  const fn = driver[method]?.bind(driver);
  if (!fn) throw new Error(`The \`${method}\` method is not supported by this driver`);
  return fn;
}

/** Delegates to a driver, translating connection errors (pool connect, query, transaction). */
class StoreErrorDriver implements Driver {
  constructor(private readonly inner: Driver) {}

  init(): Promise<void> {
    return translating(() => this.inner.init());
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    return new StoreErrorConnection(await translating(() => this.inner.acquireConnection()));
  }
  beginTransaction(c: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return translating(() => this.inner.beginTransaction(unwrap(c), settings));
  }
  commitTransaction(c: DatabaseConnection): Promise<void> {
    return translating(() => this.inner.commitTransaction(unwrap(c)));
  }
  rollbackTransaction(c: DatabaseConnection): Promise<void> {
    return translating(() => this.inner.rollbackTransaction(unwrap(c)));
  }
  savepoint(c: DatabaseConnection, name: string, compile: CompileQuery): Promise<void> {
    return translating(() => savepointOf(this.inner, 'savepoint')(unwrap(c), name, compile));
  }
  rollbackToSavepoint(c: DatabaseConnection, name: string, compile: CompileQuery): Promise<void> {
    return translating(() => savepointOf(this.inner, 'rollbackToSavepoint')(unwrap(c), name, compile));
  }
  releaseSavepoint(c: DatabaseConnection, name: string, compile: CompileQuery): Promise<void> {
    return translating(() => savepointOf(this.inner, 'releaseSavepoint')(unwrap(c), name, compile));
  }
  releaseConnection(c: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection(unwrap(c));
  }
  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

/**
 * Wraps a dialect so that a dropped or refused database connection reaches
 * callers as `DomainError('store-unavailable')` (HTTP 503) instead of a driver
 * error that would read as a bug; every other error passes through unchanged.
 */
export class StoreErrorDialect implements Dialect {
  constructor(private readonly inner: Dialect) {}

  createDriver(): Driver {
    return new StoreErrorDriver(this.inner.createDriver());
  }
  createQueryCompiler(): QueryCompiler {
    return this.inner.createQueryCompiler();
  }
  createAdapter() {
    return this.inner.createAdapter();
  }
  createIntrospector(db: Kysely<unknown>) {
    return this.inner.createIntrospector(db);
  }
}
