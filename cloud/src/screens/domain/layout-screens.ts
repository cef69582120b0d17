import type {
  LayoutScreen,
  LayoutScreensOutcome,
  RegisteredScreen,
  ScreenRegistration,
} from '@vitrine/shared';

export interface LayoutScreensPlan {
  /** New screens, and retired ones the layout declares again. */
  register: Array<ScreenRegistration & { name: string }>;
  /** Active screens whose zone, orientation or resolution the layout changed. */
  update: Array<ScreenRegistration & { name: string }>;
  outcome: LayoutScreensOutcome;
}

function sameInstallation(screen: RegisteredScreen, declared: LayoutScreen): boolean {
  return (
    screen.zoneId === declared.zone &&
    screen.orientation === declared.orientation &&
    screen.resolution.width === declared.resolution.width &&
    screen.resolution.height === declared.resolution.height
  );
}

/**
 * What registering a layout's screens changes. A layout does not name its screens, so a
 * screen renamed in the console keeps its name; a registered screen the layout leaves out
 * is reported, never retired behind the console's back.
 */
export function planLayoutScreens(
  declared: readonly LayoutScreen[],
  registered: readonly RegisteredScreen[],
): LayoutScreensPlan {
  const byId = new Map(registered.map((screen) => [screen.id, screen]));
  const plan: LayoutScreensPlan = {
    register: [],
    update: [],
    outcome: { registered: [], updated: [], unchanged: [], notInLayout: [] },
  };
  for (const screen of declared) {
    const current = byId.get(screen.id);
    const registration = {
      id: screen.id,
      zoneId: screen.zone,
      name: current?.name ?? screen.id,
      orientation: screen.orientation,
      resolution: screen.resolution,
    };
    if (current === undefined || current.status === 'retired') {
      plan.register.push(registration);
      plan.outcome.registered.push(screen.id);
    } else if (!sameInstallation(current, screen)) {
      plan.update.push(registration);
      plan.outcome.updated.push(screen.id);
    } else {
      plan.outcome.unchanged.push(screen.id);
    }
  }
  const declaredIds = new Set(declared.map((screen) => screen.id));
  plan.outcome.notInLayout = registered
    .filter((screen) => screen.status === 'active' && !declaredIds.has(screen.id))
    .map((screen) => screen.id);
  return plan;
}
