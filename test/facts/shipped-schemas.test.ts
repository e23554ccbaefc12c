import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { render, shippedSchemas } from '../../scripts/schemas.js';

describe('shipped JSON Schemas', () => {
  it.each(Object.entries(shippedSchemas))('%s matches the zod model (run npm run schemas after changing it)', (file, make) => {
    expect(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8')).toBe(render(make()));
  });
});
