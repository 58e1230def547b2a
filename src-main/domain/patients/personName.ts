/**
 * Splitting one "name" cell into first and last name. Italian and Polish agendas often write the
 * surname first ("Rossi Mario"); the clinic says which order its file uses, per import.
 * Particles that belong to a surname ("De Luca", "Di Stefano", "van der Berg") stay with it.
 */
export type NameOrder = 'first_last' | 'last_first';

const PARTICLES = new Set(['da', 'de', 'del', 'della', 'dei', 'degli', 'di', 'd\'', 'la', 'lo', 'van', 'von', 'der', 'den', 'du', 'dos', 'das', 'le', 'mc', 'mac', 'san', 'santa']);

export function splitPersonName(full: string | null | undefined, order: NameOrder = 'first_last'): { firstName: string; lastName: string } {
  const words = (full ?? '').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { firstName: '', lastName: '' };
  if (words.length === 1) return order === 'first_last' ? { firstName: words[0]!, lastName: '' } : { firstName: '', lastName: words[0]! };
  if (order === 'first_last') {
    // The surname starts at its first particle ("Maria De Luca"), else it is the last word.
    const at = words.findIndex((w, i) => i > 0 && i < words.length - 1 && PARTICLES.has(w.toLowerCase()));
    const cut = at > 0 ? at : words.length - 1;
    return { firstName: words.slice(0, cut).join(' '), lastName: words.slice(cut).join(' ') };
  }
  // Surname first: leading particles belong to it ("De Luca Maria"), then one surname word.
  let cut = 0;
  while (cut < words.length - 1 && PARTICLES.has(words[cut]!.toLowerCase())) cut++;
  cut = Math.min(cut + 1, words.length - 1);
  return { firstName: words.slice(cut).join(' '), lastName: words.slice(0, cut).join(' ') };
}
