/** The list of subcommands; each file exports a factory returning a commander `Command`. */
import type { Command } from "commander";

export const commands: Array<() => Command> = [];
