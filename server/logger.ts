export type Logger = { info: (message: string) => void; error: (message: string, error?: unknown) => void };

/** Plain start-up logging; structured request logs arrive with the production-hardening work. */
export const consoleLogger: Logger = {
  info: (message) => console.log(`[spros] ${message}`),
  error: (message, error) => console.error(`[spros] ${message}`, error ?? ""),
};
