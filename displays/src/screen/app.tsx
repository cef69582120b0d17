import { Slide } from './components/slide.tsx';
import { usePlayer } from './hooks/use-player.ts';

/** The whole player: what plays now, or why nothing does. */
export function App({ token }: { token: string | null }) {
  const { state, skip } = usePlayer(token);
  const status = (
    <div
      class={`status ${state.online ? 'online' : 'offline'}`}
      data-status={state.status}
      aria-hidden="true"
    />
  );
  if (state.status === 'unpaired' || state.status === 'refused') {
    return (
      <main class="player notice">
        <h1>This screen is not paired</h1>
        <p>{state.reason ?? 'Open the player link the store’s edge gives for this screen.'}</p>
        {status}
      </main>
    );
  }
  const onScreen = state.onScreen;
  return (
    <main
      class="player"
      data-playing={onScreen?.item.id ?? ''}
      data-campaign={onScreen?.campaignId ?? ''}
    >
      {onScreen === null ? (
        <div class="rest" />
      ) : (
        <Slide
          key={`${onScreen.item.id}-${onScreen.since}`}
          item={onScreen.item}
          code={
            onScreen.item.kind === 'product-card'
              ? (state.codes[onScreen.item.product.sku] ?? null)
              : null
          }
          onFailed={skip}
        />
      )}
      {status}
    </main>
  );
}
