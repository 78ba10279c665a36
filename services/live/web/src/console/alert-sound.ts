/**
 * A P1 alert sound made with WebAudio (no audio file to ship or fetch): three short high beeps.
 * Browsers only allow sound after the user has interacted with the page; the login counts. Returns
 * whether the sound could play, so the page can ask for a click otherwise.
 */
let ctx: AudioContext | null = null;

export async function playAlert(): Promise<boolean> {
  try {
    ctx ??= new AudioContext();
    if (ctx.state === 'suspended') await Promise.race([ctx.resume(), new Promise((r) => setTimeout(r, 300))]);
    if (ctx.state !== 'running') return false;
    const t0 = ctx.currentTime;
    for (let i = 0; i < 3; i++) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'square';
      osc.frequency.value = 880;
      const start = t0 + i * 0.3;
      gain.gain.setValueAtTime(0.0001, start);
      gain.gain.exponentialRampToValueAtTime(0.3, start + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.2);
      osc.connect(gain).connect(ctx.destination);
      osc.start(start);
      osc.stop(start + 0.22);
    }
    return true;
  } catch {
    return false;
  }
}

/** Call from a user gesture (a click) to unlock sound for later alerts. */
export function unlockSound(): void {
  try {
    ctx ??= new AudioContext();
    void ctx.resume();
  } catch {
    // no WebAudio: the visual alert still shows
  }
}
