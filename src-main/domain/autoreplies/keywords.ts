/**
 * Keyword rules for the frequent questions, per language. Deliberately simple: a word, a word prefix
 * ("prenot*") or a short phrase, matched on lower-cased text without accents. The topic whose first
 * match comes earliest in the message wins.
 */
import type { KeywordTopic } from './autoReplySettings';

type Rules = Record<KeywordTopic, Record<string, string[]>>;

export const KEYWORD_RULES: Rules = {
  hours: {
    it: ['orari*', 'orario', 'aperti', 'aperto', 'apertura', 'chiusi', 'chiuso', 'a che ora'],
    pl: ['godzin*', 'otwarte', 'otwarci', 'czynne', 'czynni', 'o ktorej'],
    en: ['hours', 'open', 'opening', 'closed', 'what time'],
    de: ['offnungszeit*', 'geoffnet', 'offen', 'wann habt', 'wann haben sie'],
    fr: ['horaire*', 'ouvert*', 'ferme', 'a quelle heure'],
    es: ['horario*', 'abierto*', 'cerrado*', 'a que hora'],
    uk: ['годин*', 'графік', 'відчинен*', 'відкрит*', 'працюєте'],
  },
  address: {
    it: ['indirizzo', 'dove siete', 'dove vi trovate', 'come arrivo', 'come arrivare', 'parcheggio'],
    pl: ['adres*', 'gdzie jestescie', 'jak dojechac', 'jak dojsc', 'dojazd', 'parking'],
    en: ['address', 'where are you', 'directions', 'parking', 'location'],
    de: ['adresse', 'wo sind sie', 'anfahrt', 'parkplatz*'],
    fr: ['adresse', 'ou etes vous', 'itineraire', 'parking'],
    es: ['direccion', 'donde estan', 'como llegar', 'aparcamiento'],
    uk: ['адрес*', 'де ви', 'як дістатися', 'парковк*'],
  },
  booking: {
    it: ['prenot*', 'appuntament*', 'fissare una visita'],
    pl: ['umowic', 'umowienie', 'umowienia', 'zapisac', 'zapisy', 'rejestracj*'],
    en: ['book', 'booking', 'appointment', 'schedule a visit'],
    de: ['termin*', 'buchen', 'vereinbaren'],
    fr: ['rendez vous', 'rdv', 'reserver', 'prendre un rendez vous'],
    es: ['cita', 'reservar', 'pedir hora'],
    uk: ['запис*'],
  },
  prices: {
    it: ['prezz*', 'costo', 'costa', 'costi', 'tariff*', 'listino'],
    pl: ['cena', 'ceny', 'cennik*', 'koszt*', 'ile kosztuje', 'oplat*'],
    en: ['price*', 'cost', 'costs', 'fee', 'fees', 'how much'],
    de: ['preis*', 'kosten', 'kostet', 'wie viel'],
    fr: ['prix', 'tarif*', 'combien', 'cout'],
    es: ['precio*', 'cuesta', 'cuanto', 'tarifa*'],
    uk: ['цін*', 'вартість', 'скільки коштує'],
  },
  documents: {
    it: ['documenti', 'documento', 'referto', 'referti', 'impegnativa', 'ricetta', 'certificato'],
    pl: ['dokument*', 'skierowani*', 'recept*', 'zaswiadczeni*', 'wyniki'],
    en: ['documents', 'document', 'referral', 'prescription', 'certificate', 'what to bring'],
    de: ['unterlagen', 'dokument*', 'uberweisung', 'rezept', 'befund*'],
    fr: ['documents', 'document', 'ordonnance', 'carte vitale', 'resultats'],
    es: ['documentos', 'documento', 'receta', 'informe*', 'volante'],
    uk: ['документ*', 'направлення', 'рецепт*', 'довідк*'],
  },
};

/**
 * Lower case, accents removed from Latin letters (Polish ł as l), Cyrillic left as written: "Ile kosztuje wizyta?"
 * → ["ile", "kosztuje", "wizyta"]. The same folding is applied to the rules.
 */
export function tokens(text: string): string[] {
  const folded = text
    .toLowerCase()
    .replace(/ł/g, 'l')
    .normalize('NFD')
    .replace(/(?<=[a-z])\p{M}+/gu, '')
    .normalize('NFC');
  return folded.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
}

/** Index of the first token where `rule` matches, or -1. */
function firstMatch(words: string[], rule: string): number {
  const ruleWords = tokens(rule.replace(/\*$/, ''));
  const prefix = rule.endsWith('*');
  for (let i = 0; i + ruleWords.length <= words.length; i++) {
    const ok = ruleWords.every((rw, j) => {
      const w = words[i + j] ?? '';
      return prefix && j === ruleWords.length - 1 ? w.startsWith(rw) : w === rw;
    });
    if (ok) return i;
  }
  return -1;
}

/** The topic the message asks about, looking at the rules of `languages` (all languages when empty). */
export function matchTopic(text: string, languages: readonly string[]): KeywordTopic | null {
  const words = tokens(text);
  let best: { topic: KeywordTopic; at: number } | null = null;
  for (const [topic, byLanguage] of Object.entries(KEYWORD_RULES) as Array<[KeywordTopic, Record<string, string[]>]>) {
    const langs = languages.length > 0 ? languages : Object.keys(byLanguage);
    for (const lang of langs) {
      for (const rule of byLanguage[lang] ?? []) {
        const at = firstMatch(words, rule);
        if (at >= 0 && (best === null || at < best.at)) best = { topic, at };
      }
    }
  }
  return best?.topic ?? null;
}
