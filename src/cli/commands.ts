/** The list of subcommands; each file exports a factory returning a commander `Command`. */
import type { Command } from "commander";
import { exactCommand } from "./exactCommand.ts";
import { simulateCommand } from "./simulateCommand.ts";

export const commands: Array<() => Command> = [exactCommand, simulateCommand];
