/**
 * The desktop shell keeps the real clinic and the demo clinic in separate data folders (profiles); the
 * renderer asks it to switch. In a browser (host mode) each profile is its own desk, so there is nothing to switch.
 */
export function shellCanSwitchProfile(): boolean {
  return Boolean(window.desk?.openProfile);
}

export async function openProfile(profile: 'demo' | 'real'): Promise<void> {
  await window.desk?.openProfile?.(profile);
}
