/** The demo clinic's cast: real-looking names and numbers (fictional) for Italian, Polish and English-speaking patients. */
export const DEMO_CLINIC = {
  clinicName: 'Studio Dentistico Moretti',
  defaultRegion: 'IT',
  defaultLanguage: 'it',
  timeZone: 'Europe/Rome',
  uiLanguage: 'it',
} as const;

export const DEMO_PRACTITIONERS = [
  { name: 'Dr.ssa Giulia Rossi', room: 'Studio 1', colour: '#0f766e', visitMinutes: 30 },
  { name: 'Dr. Marco Bianchi', room: 'Studio 2', colour: '#7c3aed', visitMinutes: 20 },
  { name: 'Dr. Paolo Conti', room: 'Igiene', colour: '#c2410c', visitMinutes: 45 },
] as const;

export const VISIT_TYPES = {
  it: ['Controllo', 'Igiene orale', 'Otturazione', 'Visita ortodontica', 'Devitalizzazione', 'Prima visita'],
} as const;

export const ITALIAN_FIRST = [
  'Giuseppe', 'Maria', 'Francesca', 'Luca', 'Alessandro', 'Chiara', 'Giovanni', 'Anna', 'Matteo', 'Sara',
  'Lorenzo', 'Elena', 'Davide', 'Valentina', 'Simone', 'Martina', 'Federico', 'Giorgia', 'Andrea', 'Silvia',
  'Roberto', 'Paola', 'Stefano', 'Laura', 'Antonio', 'Beatrice', 'Riccardo', 'Alessia', 'Fabio', 'Ilaria',
  'Massimo', 'Cristina', 'Daniele', 'Federica', 'Emanuele', 'Roberta',
] as const;
export const ITALIAN_LAST = [
  'Esposito', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Bruno', 'Gallo', 'Costa', 'Giordano',
  'Mancini', 'Lombardi', 'Barbieri', 'Fontana', 'Santoro', 'Mariani', 'Rinaldi', 'Caruso', 'Ferrara', 'Galli',
  'Martini', 'Leone', 'Longo', 'Gentile', 'Martinelli', 'Vitale', 'Serra', 'Coppola', 'De Santis', "D'Angelo",
] as const;
export const POLISH_FIRST = ['Katarzyna', 'Piotr', 'Agnieszka', 'Tomasz', 'Małgorzata', 'Paweł', 'Joanna', 'Michał', 'Ewa', 'Krzysztof', 'Zofia', 'Łukasz'] as const;
export const POLISH_LAST = ['Kowalska', 'Nowak', 'Wiśniewska', 'Wójcik', 'Kamińska', 'Lewandowski', 'Zielińska', 'Szymański', 'Woźniak', 'Dąbrowski', 'Kozłowska', 'Jankowski'] as const;
export const ENGLISH_FIRST = ['Emily', 'James', 'Olivia', 'Thomas', 'Sophie', 'Daniel', 'Charlotte', 'Oliver'] as const;
export const ENGLISH_LAST = ['Walker', 'Thompson', 'Hughes', 'Bennett', 'Clarke', 'Harris', 'Turner', 'Wright'] as const;

/** What patients write, per language: first lines of real reception conversations. */
export const PATIENT_LINES = {
  it: [
    'Buongiorno, vorrei spostare l’appuntamento di domani, è possibile nel pomeriggio?',
    'Salve, avete posto questa settimana per una pulizia dei denti?',
    'Buonasera, mi fa male un dente da ieri sera, potete vedermi oggi?',
    'Grazie mille, confermo per giovedì alle 10.',
    'Scusate il ritardo, arrivo tra 10 minuti.',
    'Quanto costa una visita di controllo?',
    'Posso portare anche mio figlio per un controllo?',
    'Buongiorno, a che ora aprite il sabato?',
    'Ho dimenticato la ricetta, posso mandarvela via foto?',
    'Perfetto, a domani!',
  ],
  pl: [
    'Dzień dobry, czy mogę przełożyć wizytę na przyszły tydzień?',
    'Dzień dobry, w jakich godzinach jest otwarta przychodnia?',
    'Bardzo dziękuję, potwierdzam wizytę.',
    'Czy lekarz mówi po angielsku albo po polsku?',
    'Spóźnię się około 10 minut, przepraszam.',
    'Ile kosztuje wybielanie zębów?',
  ],
  en: [
    'Hi, I am on holiday in Rome and lost a filling — could you see me today?',
    'Hello, do you have any appointments on Friday morning?',
    'Thanks, see you tomorrow at 11.',
    'Could you send me the invoice by email, please?',
  ],
} as const;

export const STAFF_LINES = {
  it: ['Buongiorno, certo: abbiamo posto giovedì alle 15:30, va bene?', 'Le abbiamo fissato l’appuntamento, a presto!', 'La visita di controllo costa 60 €.'],
  pl: ['Dzień dobry, oczywiście — czwartek o 15:30 pasuje?', 'Wizyta została przełożona, do zobaczenia!'],
  en: ['Hello! Yes, we can see you today at 16:00.', 'Of course, we will email it to you today.'],
} as const;
