import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe } from 'vitest';
import { startEngine } from '../../../src/engine/index.ts';
import type { Store } from '../../../src/ports/index.ts';
import { createPostgresStore } from '../../../src/store/postgres/index.ts';
import { createSqliteStore } from '../../../src/store/sqlite/index.ts';
import { dropSchema, postgresUnavailable, TEST_DATABASE_URL, uniqueSchema } from '../../support/postgres.ts';

/** A store as the contract sees it: the roles of the port, and the newer ones where the engine has them. */
export type ContractStore = Store;

/** One empty database on an engine: any number of connections to it, dropped after the test. */
interface Database {
  open(): Promise<ContractStore>;
  drop(): Promise<void>;
}

interface Engine {
  name: 'sqlite' | 'sqlite on engine threads' | 'postgres';
  /** Why the engine's tests are skipped, or null when they run. */
  skip: string | null;
  create(): Database;
}

const sqlite: Engine = {
  name: 'sqlite',
  skip: null,
  create() {
    const directory = mkdtempSync(join(tmpdir(), 'mb-contract-'));
    return {
      open: async () => createSqliteStore(join(directory, 'store.db')),
      drop: async () => rmSync(directory, { recursive: true, force: true }),
    };
  },
};

/** The same SQLite file served by the engine's writer and reader threads, as `market-brief start` uses it. */
const sqliteThreads: Engine = {
  name: 'sqlite on engine threads',
  skip: null,
  create() {
    const directory = mkdtempSync(join(tmpdir(), 'mb-contract-threads-'));
    return {
      open: async () => startEngine({ engine: 'sqlite', path: join(directory, 'store.db') }).store,
      drop: async () => rmSync(directory, { recursive: true, force: true }),
    };
  },
};

const postgresSkip = await postgresUnavailable();
if (postgresSkip !== null) console.warn(`store contract: PostgreSQL tests skipped: ${postgresSkip}`);

const postgres: Engine = {
  name: 'postgres',
  skip: postgresSkip,
  create() {
    // Each test gets its own schema, so runs in parallel (and left-overs of a killed run) never meet.
    const schema = uniqueSchema('contract');
    return {
      open: async () => {
        const store = createPostgresStore(TEST_DATABASE_URL, { schema, max: 4 });
        await store.ready();
        return store;
      },
      drop: () => dropSchema(schema),
    };
  },
};

export const ENGINES: readonly Engine[] = [sqlite, sqliteThreads, postgres];

export interface Harness {
  engine: Engine['name'];
  /** A store on a new, empty database. */
  store(): Promise<ContractStore>;
  /** A second connection (pool) to the database of the last store() of this test, as another process would open. */
  twin(): Promise<ContractStore>;
}

/** Declares the contract `body` once per engine; PostgreSQL's are skipped, saying why, when it cannot be reached. */
export function describeStoreContract(title: string, body: (harness: Harness) => void): void {
  for (const engine of ENGINES) {
    const suffix = engine.skip === null ? engine.name : `${engine.name}, skipped: ${engine.skip}`;
    describe.skipIf(engine.skip !== null)(`${title} (${suffix})`, () => {
      const stores: ContractStore[] = [];
      const databases: Database[] = [];
      afterEach(async () => {
        for (const store of stores.splice(0)) await store.close();
        for (const database of databases.splice(0)) await database.drop();
      });
      const track = async (database: Database | undefined): Promise<ContractStore> => {
        if (database === undefined) throw new Error('twin() before store()');
        const store = await database.open();
        stores.push(store);
        return store;
      };
      body({
        engine: engine.name,
        store: () => {
          const database = engine.create();
          databases.push(database);
          return track(database);
        },
        twin: () => track(databases.at(-1)),
      });
    });
  }
}
