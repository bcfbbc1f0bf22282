/** The DataSource the TypeORM CLI uses (`npm run migration:generate -- libs/persistence/src/migrations/<name>`). */
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source.options';

export default new DataSource(
  dataSourceOptions(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/idv'),
);
