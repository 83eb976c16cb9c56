import { readFile } from 'node:fs/promises';
import { replay, stableJson } from '@kezek/domain';
import { parseScenario } from '../scenario/parse-scenario';

export type ReplayIo = { readonly stdout: (s: string) => void; readonly stderr: (s: string) => void };

/**
 * `kezek replay <file.jsonl>` (scenario-format.md): 0 the scenario ran (rejections are outcomes), 2 the file
 * is malformed (stderr names the line, stdout stays empty), 1 the file cannot be read.
 */
export async function replayCommand(file: string, io: ReplayIo): Promise<number> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    io.stderr(
      `kezek replay: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
  const parsed = parseScenario(text);
  if (!parsed.ok) {
    io.stderr(`line ${parsed.error.line}: ${parsed.error.message}\n`);
    return 2;
  }
  io.stdout(`${stableJson(replay(parsed.events))}\n`);
  return 0;
}
