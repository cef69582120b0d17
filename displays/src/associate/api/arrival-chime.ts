/**
 * A short two-note chime for a new arrival, synthesised with WebAudio (no audio file to
 * ship). The AudioContext is created on the associate's tap on the sound toggle, which is
 * what browsers require before a page may play sound.
 */
export interface ArrivalChime {
  play: () => void;
}

export function createArrivalChime(): ArrivalChime | null {
  const AudioContextClass = globalThis.AudioContext;
  if (AudioContextClass === undefined) return null;
  const context = new AudioContextClass();
  const note = (frequency: number, startAt: number, duration: number) => {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, startAt);
    gain.gain.exponentialRampToValueAtTime(0.18, startAt + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, startAt + duration);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(startAt);
    oscillator.stop(startAt + duration + 0.05);
  };
  return {
    play: () => {
      if (context.state === 'suspended') void context.resume();
      const now = context.currentTime;
      note(880, now, 0.35);
      note(1318.5, now + 0.12, 0.5);
    },
  };
}
