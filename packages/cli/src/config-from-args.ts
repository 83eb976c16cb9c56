import { parseConfig, type Config } from '@kezek/server/config';

export type ServerFlags = {
  port?: string | undefined;
  host?: string | undefined;
  'data-dir'?: string | undefined;
};

/** Flags override the environment; the result is validated as one configuration. */
export function configFromArgs(
  flags: ServerFlags,
  env: NodeJS.ProcessEnv,
): { ok: true; config: Config } | { ok: false; errors: string[] } {
  return parseConfig({
    ...env,
    ...(flags.port === undefined ? {} : { PORT: flags.port }),
    ...(flags.host === undefined ? {} : { HOST: flags.host }),
    ...(flags['data-dir'] === undefined ? {} : { DATA_DIR: flags['data-dir'] }),
  });
}
