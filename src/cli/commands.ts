/** The list of subcommands; each file exports a factory returning a commander `Command`. */
import type { Command } from "commander";
import { benchCommand } from "./benchCommand.ts";
import { exactCommand } from "./exactCommand.ts";
import { simulateCommand } from "./simulateCommand.ts";
import { transformerCommand } from "./transformerCommand.ts";
import { transformerReportCommand } from "./transformerReportCommand.ts";
import { verifyCommand } from "./verifyCommand.ts";

export const commands: Array<() => Command> = [verifyCommand, simulateCommand, exactCommand, benchCommand, transformerCommand, transformerReportCommand];
