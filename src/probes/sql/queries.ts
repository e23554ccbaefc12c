/**
 * The only statements the probe sends: SELECTs over server properties and catalogue views.
 * No USE (databases are reached with three-part names), no EXEC, no table contents: row counts
 * come from sys.partitions. Literals are built with `nString`, never by pasting raw text.
 */

/** N'…' with quotes doubled. */
export function nString(value: string): string {
  return `N'${value.replace(/'/g, "''")}'`;
}

/** [name] with ] doubled, for three-part names. */
export function bracket(name: string): string {
  return `[${name.replace(/\]/g, ']]')}]`;
}

export const serverQuery =
  "SELECT CAST(@@VERSION AS nvarchar(4000)) AS version, CAST(SERVERPROPERTY('ProductVersion') AS nvarchar(128)) AS productVersion, " +
  "CAST(SERVERPROPERTY('EngineEdition') AS int) AS engineEdition, CAST(SERVERPROPERTY('Edition') AS nvarchar(128)) AS edition, " +
  "CAST(SERVERPROPERTY('Collation') AS nvarchar(128)) AS collation, SUSER_SNAME() AS loginName, " +
  "IS_SRVROLEMEMBER('sysadmin') AS isSysadmin, IS_SRVROLEMEMBER('dbcreator') AS isDbcreator";

export const databaseQuery = (db: string): string =>
  `SELECT name, CAST(collation_name AS nvarchar(128)) AS collation FROM sys.databases WHERE name = ${nString(db)}`;

/** CONTROL on the database: true for db_owner members, dbo and sysadmin; evaluated without entering the database. */
/** Every database's name (SQL013: another sync engine on the same instance). */
export const allDatabasesQuery = 'SELECT name FROM sys.databases ORDER BY name';

export const ownerQuery = (db: string): string => `SELECT HAS_PERMS_BY_NAME(${nString(db)}, 'DATABASE', 'CONTROL') AS isOwner`;

export const tablesQuery = (db: string): string => {
  const d = bracket(db);
  return (
    `SELECT s.name + N'.' + t.name AS name, SUM(p.rows) AS rows, CONVERT(nvarchar(33), t.modify_date, 126) AS modified ` +
    `FROM ${d}.sys.tables AS t JOIN ${d}.sys.schemas AS s ON s.schema_id = t.schema_id ` +
    `JOIN ${d}.sys.partitions AS p ON p.object_id = t.object_id AND p.index_id IN (0, 1) ` +
    `WHERE t.is_ms_shipped = 0 GROUP BY s.name, t.name, t.modify_date`
  );
};

export const lastUpdateQuery = (db: string): string =>
  `SELECT CONVERT(nvarchar(33), MAX(last_user_update), 126) AS lastUserUpdate FROM sys.dm_db_index_usage_stats WHERE database_id = DB_ID(${nString(db)})`;

export const loginQuery = (name: string): string => `SELECT COUNT(*) AS count FROM sys.server_principals WHERE name = ${nString(name)}`;
