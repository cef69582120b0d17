import { describeRepositoryContract } from './repositories.contract.ts';
import { createTestDatabase, testBackendName } from './support/test-database.ts';

// One suite, one backend per run: PGlite by default, PostgreSQL when DATABASE_URL is set.
describeRepositoryContract(testBackendName(), createTestDatabase);
