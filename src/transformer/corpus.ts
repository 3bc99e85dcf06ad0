/** The tiny Shakespeare corpus shipped in data/ (1,115,394 characters, s = 65). */
import { readFileSync } from "node:fs";

/** Location of data/tinyshakespeare.txt. */
export const tinyShakespeareUrl = new URL("../../data/tinyshakespeare.txt", import.meta.url);

/**
 * The corpus text.
 * @example readTinyShakespeare().length; // => 1115394
 */
export function readTinyShakespeare(): string {
  return readFileSync(tinyShakespeareUrl, "utf8");
}
