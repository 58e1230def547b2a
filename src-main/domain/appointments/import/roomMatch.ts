/**
 * Which of the clinic's rooms (Settings → Visit loop) an imported visit's location names: the location is the room
 * ("Studio 1"), or names exactly one room among other words ("Studio 1 – Via Roma 3", "Gabinet 2, piętro I").
 * Case, accents and spacing do not count; a room name must stand as whole words ("Studio 1" is not in "Studio 10").
 * Two rooms named, or none, is no room: the desk never guesses.
 */
const fold = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

export function roomForLocation(location: string | null | undefined, rooms: readonly string[]): string | null {
  const where = fold(location ?? '');
  if (where === '') return null;
  const named = rooms.filter((r) => fold(r) !== '');
  const exact = named.find((r) => fold(r) === where);
  if (exact) return exact;
  const padded = ` ${where} `;
  const inside = named.filter((r) => padded.includes(` ${fold(r)} `));
  return inside.length === 1 ? inside[0]! : null;
}
