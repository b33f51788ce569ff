/** The steps of setting up an organisation, in the order a guided first run takes them. */
export const SETUP_STEPS = ['organisation', 'boards', 'people', 'kpis', 'cascade', 'checklists'] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];

export function isSetupStep(value: unknown): value is SetupStep {
  return (SETUP_STEPS as readonly unknown[]).includes(value);
}
