/** Persistence: the HuddleStore contract, the IndexedDB store, queries, import and export. */
export * from './contract.js';
export * from './writes.js';
export * from './errors.js';
export * from './queries.js';
export { IdbHuddleStore, type IdbStoreOptions, type OutboxEntry } from './idb-store.js';
export { WriteIntents, type WriteBatch, type Decide } from './write-intents.js';
export { DB_VERSION, DEFAULT_DB_NAME } from './schema-versions.js';
export { exportData, importData, clearAll, demoSeed } from './whole-database.js';
export { ImportError, parseImport, EXPORT_FORMAT, type ExportFile, type ImportSummary } from '../model/backup-file.js';
export { CSV_EXPORTS, csvCell, toCsv, type CsvExport } from './csv.js';
export { getDefaultStore } from './default-store.js';
