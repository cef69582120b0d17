import { defineConfig } from 'drizzle-kit';

// Migrations are generated once, in PostgreSQL's dialect, and applied by both drivers
// (PGlite and postgres.js) from the same folder.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './drizzle',
  strict: true,
});
