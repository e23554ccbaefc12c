// npm run schemas: rewrites schemas/*.json; test/facts/shipped-schemas.test.ts fails when they are stale.
import { writeFileSync } from 'node:fs';
import { render, shippedSchemas } from './schemas.js';

for (const [file, make] of Object.entries(shippedSchemas)) writeFileSync(new URL(`../${file}`, import.meta.url), render(make()));
