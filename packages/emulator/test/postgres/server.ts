export {
  type PostgresServer,
  postgresInstalled,
  startPostgres,
} from '../../../../scripts/postgres-server.mjs';
