import type { Rule } from '../rule.js';
import { sql001 } from './sql001-sql-unreachable.js';
import { sql002 } from './sql002-sql-instance-needs-port.js';
import { sql003 } from './sql003-adsync-db-has-data.js';
import { sql004 } from './sql004-sql-version-unsupported.js';
import { sql005 } from './sql005-sql-collation-case-sensitive.js';
import { sql006 } from './sql006-sql-permissions-insufficient.js';
import { sql007 } from './sql007-sql-express-size.js';
import { sql008 } from './sql008-sql-service-account-login.js';
import { sql009 } from './sql009-adsync-db-in-availability-group.js';
import { sql010 } from './sql010-sql-cleartext-login.js';
import { sql011 } from './sql011-sql-unencrypted-login-allowed.js';
import { sql012 } from './sql012-sql-encryption-weakened.js';
import { sql013 } from './sql013-one-sync-engine-per-sql-instance.js';

/** Rules fed by the SQL probe (existing SQL Server). */
export const sqlRules: readonly Rule[] = [sql001, sql002, sql003, sql004, sql005, sql006, sql007, sql008, sql009, sql010, sql011, sql012, sql013];
