export { SETTINGS, SETTING_DESCRIPTIONS, type Setting } from "./settings.ts";
export { scheduleFor, trainingCounts, type Draw, type Schedule, type ScheduleSizes } from "./schedule.ts";
export {
  REAL_DATA,
  checkSimulationConfig,
  type RealData,
  type SimulationConfig,
  type CheckedConfig,
} from "./simulationConfig.ts";
export { RUN_SERIES, type RunRecord } from "./runRecord.ts";
export { simulateRun, simulateRunChecked, Workspace, type GenerationObserver } from "./simulateRun.ts";
export { simulateRuns } from "./simulateRuns.ts";
export { collapseTime, collapseTimeSampler, collapseTimes } from "./collapseTime.ts";
export { type MultiContextRecord } from "./multiContextRecord.ts";
export { simulateContexts, simulateContextsChecked, checkContextsConfig, type ContextsConfig } from "./simulateContexts.ts";
export { simulateMarkovText, checkMarkovTextConfig, type MarkovTextConfig } from "./simulateMarkovText.ts";
