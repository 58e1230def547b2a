/**
 * What patients and clinics write to each other, in Italian, Polish and English, for the benchmark's
 * messages. Phrases are ordered from the most to the least common: the generator draws them with a Zipf
 * law, so a few words ("appuntamento", "wizyta", "grazie") are in a large share of the messages, as they
 * are in a real clinic's history, and many are rare. The search cases pick their words from here.
 */
export type BenchLanguage = 'it' | 'pl' | 'en';

export const PHRASES: Record<BenchLanguage, { patient: string[]; clinic: string[] }> = {
  it: {
    patient: [
      'Buongiorno, vorrei prenotare un appuntamento',
      'Grazie mille',
      'Posso spostare l’appuntamento di domani al pomeriggio?',
      'Ok perfetto, a domani',
      'Buonasera, ho ancora dolore al dente dopo la devitalizzazione',
      'Quanto costa una pulizia dei denti?',
      'Siete aperti sabato mattina?',
      'Arrivo con dieci minuti di ritardo, scusate',
      'Mi serve la fattura della visita di ieri',
      'Non riesco a venire giovedì, possiamo rimandare?',
      'Ho perso la ricetta, me la potete rimandare?',
      'Il bambino ha la febbre, devo disdire la visita',
      'A che ora chiude lo studio oggi?',
      'Confermo l’appuntamento di lunedì alle 15:30',
      'Mi si è rotto il ponte, è urgente',
      'Posso pagare con il bancomat?',
      'Dove posso parcheggiare vicino allo studio?',
      'La dottoressa Ferri riceve anche il venerdì?',
      'Vorrei un preventivo per l’impianto',
      'Ho bisogno del certificato per il lavoro',
      'Il gengive sanguinano quando lavo i denti',
      'Devo portare le radiografie precedenti?',
      'Avete posto per una visita di controllo la prossima settimana?',
      'Mia madre ha bisogno di un’ambulanza? No scherzo, solo una visita',
      'Sto aspettando in sala d’attesa da mezz’ora',
    ],
    clinic: [
      'Buongiorno, certo: abbiamo posto martedì alle 10:00 o giovedì alle 16:30',
      'Le confermiamo l’appuntamento di domani',
      'Grazie per averci contattato, Le risponderemo a breve',
      'Lo studio è aperto dal lunedì al venerdì, 9:00–19:00',
      'La dottoressa è in ritardo di circa 20 minuti, ci scusiamo',
      'Abbiamo spostato l’appuntamento al pomeriggio come richiesto',
      'La fattura è stata inviata per email',
      'Il costo della pulizia è di 80 euro',
      'Promemoria: domani visita di controllo alle 11:15',
      'Può venire anche sabato mattina, siamo aperti fino alle 13',
    ],
  },
  pl: {
    patient: [
      'Dzień dobry, chciałabym umówić wizytę',
      'Dziękuję bardzo',
      'Czy mogę przełożyć wizytę na jutro po południu?',
      'Dobrze, do zobaczenia',
      'Boli mnie ząb od wczoraj, czy jest wolny termin?',
      'Ile kosztuje wybielanie zębów?',
      'Spóźnię się około piętnaście minut',
      'Czy przyjmujecie w sobotę?',
      'Proszę o fakturę za ostatnią wizytę',
      'Muszę odwołać wizytę, dziecko jest chore',
      'Zgubiłem receptę, czy można wysłać ponownie?',
      'Potwierdzam wizytę w poniedziałek o 9:30',
      'Czy mogę zapłacić kartą?',
      'Wypadła mi plomba, to pilne',
      'Gdzie można zaparkować przy przychodni?',
      'Czy doktor Wiśniewski przyjmuje w piątek?',
      'Poproszę o wycenę leczenia kanałowego',
      'Potrzebuję zaświadczenia do pracy',
      'Krwawią mi dziąsła przy myciu zębów',
      'Czekam w poczekalni już pół godziny',
      'Łóżko, żółw, gęś — przepraszam, dziecko pisało',
      'Czy trzeba przynieść zdjęcie rentgenowskie?',
    ],
    clinic: [
      'Dzień dobry, mamy wolny termin we wtorek o 10:00',
      'Potwierdzamy jutrzejszą wizytę',
      'Dziękujemy za wiadomość, odpowiemy wkrótce',
      'Przychodnia jest czynna od poniedziałku do piątku, 8:00–18:00',
      'Lekarz ma opóźnienie około 20 minut, przepraszamy',
      'Przełożyliśmy wizytę na popołudnie zgodnie z prośbą',
      'Faktura została wysłana mailem',
      'Przypomnienie: jutro wizyta kontrolna o 11:15',
    ],
  },
  en: {
    patient: [
      'Hello, I would like to book an appointment',
      'Thank you very much',
      'Can I move my appointment to tomorrow afternoon?',
      'Great, see you then',
      'My tooth still hurts after the filling',
      'How much is a cleaning?',
      'Are you open on Saturday?',
      'Running ten minutes late, sorry',
      'Could you send me the invoice for my last visit?',
      'I need to cancel, my son is ill',
      'Is there parking near the clinic?',
      'Can I pay by card?',
      'I lost my prescription, could you resend it?',
      'Confirming Monday at 3:30 pm',
      'Does Dr Walker see patients on Friday?',
    ],
    clinic: [
      'Hello, we have a slot on Tuesday at 10:00 or Thursday at 16:30',
      'Your appointment for tomorrow is confirmed',
      'Thank you for contacting us, we will reply shortly',
      'The clinic is open Monday to Friday, 9:00–19:00',
      'The doctor is running about 20 minutes late, sorry',
      'Reminder: check-up tomorrow at 11:15',
    ],
  },
};

export const FIRST_NAMES: Record<BenchLanguage, string[]> = {
  it: ['Giulia', 'Marco', 'Francesca', 'Luca', 'Chiara', 'Alessandro', 'Sara', 'Paolo', 'Elena', 'Niccolò', 'Martina', 'Giorgio'],
  pl: ['Katarzyna', 'Piotr', 'Agnieszka', 'Tomasz', 'Małgorzata', 'Paweł', 'Zofia', 'Łukasz', 'Anna', 'Michał'],
  en: ['Emily', 'James', 'Olivia', 'Thomas', 'Sophie', 'Daniel'],
};

export const LAST_NAMES: Record<BenchLanguage, string[]> = {
  it: ['Rossi', 'Bianchi', 'Esposito', 'Romano', 'Colombo', 'Ricci', 'Greco', 'Bruno', 'Gallo', 'Conti', 'De Luca', 'Mancini', 'Costa', 'Giordano', 'Rizzo', 'Lombardi'],
  pl: ['Kowalska', 'Nowak', 'Wiśniewski', 'Wójcik', 'Kowalczyk', 'Kamiński', 'Lewandowska', 'Zieliński', 'Szymańska', 'Woźniak', 'Dąbrowski', 'Kozłowska', 'Łukaszewicz'],
  en: ['Walker', 'Smith', 'Jones', 'Taylor', 'Brown', 'Wilson'],
};
