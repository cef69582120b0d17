import type { RegisteredScreen, Store } from '@vitrine/shared';
import { NotFoundError, ValidationError } from '../errors/app-errors.ts';
import type { StoreRepository } from '../stores/store-repository.ts';
import type { ScreenRepository } from './screen-repository.ts';

export interface ScreenRegistry {
  /** The store, or 404. */
  storeOf(organisationId: string, storeId: string): Promise<Store>;
  /** Any screen the store registered, retired ones included, or 404. */
  screenOf(organisationId: string, storeId: string, screenId: string): Promise<RegisteredScreen>;
  /** A screen that shows content now: registered and not retired, or 404. */
  activeScreenOf(
    organisationId: string,
    storeId: string,
    screenId: string,
  ): Promise<RegisteredScreen>;
}

/** 400 naming `path` unless the zone is one of the store's. */
export function requireZoneOf(store: Store, zoneId: string, path: string): void {
  if (!store.zones.some((zone) => zone.id === zoneId)) {
    throw new ValidationError([{ path, message: `${zoneId} is not a zone of ${store.id}` }]);
  }
}

/** The lookups every screen route shares, each failing as the API says. */
export function createScreenRegistry(
  stores: Pick<StoreRepository, 'findStore'>,
  screens: Pick<ScreenRepository, 'find'>,
): ScreenRegistry {
  async function storeOf(organisationId: string, storeId: string): Promise<Store> {
    const store = await stores.findStore(organisationId, storeId);
    if (store === null) throw new NotFoundError(`no store ${storeId}`);
    return store;
  }
  async function screenOf(organisationId: string, storeId: string, screenId: string) {
    await storeOf(organisationId, storeId);
    const screen = await screens.find(storeId, screenId);
    if (screen === null) throw new NotFoundError(`no screen ${screenId} in ${storeId}`);
    return screen;
  }
  return {
    storeOf,
    screenOf,
    async activeScreenOf(organisationId, storeId, screenId) {
      const screen = await screenOf(organisationId, storeId, screenId);
      if (screen.status === 'retired') {
        throw new NotFoundError(`screen ${screenId} of ${storeId} is retired`);
      }
      return screen;
    },
  };
}
