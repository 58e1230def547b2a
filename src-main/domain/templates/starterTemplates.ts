/**
 * The starter set every new clinic (and the demo) gets: written as a receptionist would write them in
 * each language, not translated word for word. Polish, German, French, Spanish and Ukrainian texts avoid
 * the first name where the grammar would need a case or gender we do not know.
 * Each template has one shortcode per language (/orari, /godziny, /hours…), all unique.
 */
import type { TemplateCategory, TEMPLATE_LANGUAGES } from './validateTemplate';

type Lang = (typeof TEMPLATE_LANGUAGES)[number];

export interface StarterTemplate {
  key: string;
  category: TemplateCategory;
  /** Name shown in the library, in the desk's UI languages. */
  names: Record<'it' | 'pl' | 'en', string>;
  shortcodes: Record<Lang, string>;
  variants: Record<Lang, string>;
}

export const STARTER_TEMPLATES: StarterTemplate[] = [
  {
    key: 'welcome',
    category: 'welcome',
    names: { it: 'Benvenuto', pl: 'Powitanie', en: 'Welcome' },
    shortcodes: { it: 'benvenuto', pl: 'powitanie', en: 'welcome', de: 'willkommen', fr: 'bienvenue', es: 'bienvenida', uk: 'вітання' },
    variants: {
      it: 'Gentile {{patient.first_name|paziente}}, grazie per averci contattato! Abbiamo ricevuto il Suo messaggio e Le risponderemo a breve. — {{clinic.name}}',
      pl: 'Dzień dobry, dziękujemy za wiadomość! Odpowiemy najszybciej, jak to możliwe. Pozdrawiamy, {{clinic.name}}',
      en: 'Hi {{patient.first_name|there}}, thank you for getting in touch! We have received your message and will reply shortly. — {{clinic.name}}',
      de: 'Guten Tag, vielen Dank für Ihre Nachricht! Wir melden uns so bald wie möglich bei Ihnen. Ihr Praxisteam {{clinic.name}}',
      fr: 'Bonjour et merci pour votre message ! Nous vous répondrons dans les plus brefs délais. — {{clinic.name}}',
      es: '¡Hola! Gracias por escribirnos. Hemos recibido su mensaje y le responderemos lo antes posible. — {{clinic.name}}',
      uk: 'Добрий день! Дякуємо за ваше повідомлення, ми відповімо найближчим часом. — {{clinic.name}}',
    },
  },
  {
    key: 'out_of_hours',
    category: 'out_of_hours',
    names: { it: 'Fuori orario', pl: 'Poza godzinami pracy', en: 'Out of hours' },
    shortcodes: { it: 'chiuso', pl: 'zamkniete', en: 'closed', de: 'geschlossen', fr: 'ferme', es: 'cerrado', uk: 'зачинено' },
    variants: {
      it: 'Gentile {{patient.first_name|paziente}}, grazie per il messaggio. In questo momento lo studio è chiuso: Le risponderemo alla riapertura ({{clinic.next_opening|al più presto}}).\nOrari: {{clinic.hours}}\n{{clinic.website|}}',
      pl: 'Dzień dobry, dziękujemy za wiadomość. Przychodnia jest teraz nieczynna – odpowiemy po otwarciu ({{clinic.next_opening|najszybciej, jak to możliwe}}).\nGodziny otwarcia: {{clinic.hours}}\n{{clinic.website|}}',
      en: 'Hi {{patient.first_name|there}}, thank you for your message. We are closed right now and will reply when we reopen ({{clinic.next_opening|as soon as possible}}).\nOpening hours: {{clinic.hours}}\n{{clinic.website|}}',
      de: 'Guten Tag, vielen Dank für Ihre Nachricht. Die Praxis ist gerade geschlossen – wir antworten Ihnen, sobald wir wieder geöffnet haben ({{clinic.next_opening|so bald wie möglich}}).\nÖffnungszeiten: {{clinic.hours}}\n{{clinic.website|}}',
      fr: 'Bonjour, merci pour votre message. Le cabinet est actuellement fermé ; nous vous répondrons dès la réouverture ({{clinic.next_opening|au plus vite}}).\nHoraires : {{clinic.hours}}\n{{clinic.website|}}',
      es: 'Hola, gracias por su mensaje. En este momento la clínica está cerrada; le responderemos en cuanto volvamos a abrir ({{clinic.next_opening|lo antes posible}}).\nHorario: {{clinic.hours}}\n{{clinic.website|}}',
      uk: 'Добрий день! Дякуємо за повідомлення. Зараз клініка зачинена — ми відповімо, щойно відкриємося ({{clinic.next_opening|якнайшвидше}}).\nГрафік роботи: {{clinic.hours}}\n{{clinic.website|}}',
    },
  },
  {
    key: 'hours',
    category: 'hours',
    names: { it: 'Orari di apertura', pl: 'Godziny otwarcia', en: 'Opening hours' },
    shortcodes: { it: 'orari', pl: 'godziny', en: 'hours', de: 'zeiten', fr: 'horaires', es: 'horario', uk: 'години' },
    variants: {
      it: 'I nostri orari: {{clinic.hours}}. Per un appuntamento può scriverci qui o chiamare il {{clinic.phone}}.',
      pl: 'Zapraszamy w godzinach: {{clinic.hours}}. Na wizytę można umówić się tutaj lub telefonicznie: {{clinic.phone}}.',
      en: 'Our opening hours: {{clinic.hours}}. To book, write to us here or call {{clinic.phone}}.',
      de: 'Unsere Öffnungszeiten: {{clinic.hours}}. Termine vereinbaren Sie hier per Nachricht oder telefonisch unter {{clinic.phone}}.',
      fr: 'Nos horaires : {{clinic.hours}}. Pour prendre rendez-vous, écrivez-nous ici ou appelez le {{clinic.phone}}.',
      es: 'Nuestro horario: {{clinic.hours}}. Para pedir cita, escríbanos por aquí o llame al {{clinic.phone}}.',
      uk: 'Наш графік роботи: {{clinic.hours}}. Записатися можна тут або за телефоном {{clinic.phone}}.',
    },
  },
  {
    key: 'address',
    category: 'address',
    names: { it: 'Indirizzo', pl: 'Adres i dojazd', en: 'Address' },
    shortcodes: { it: 'indirizzo', pl: 'adres', en: 'address', de: 'anfahrt', fr: 'acces', es: 'direccion', uk: 'адреса' },
    variants: {
      it: 'Ci trova in {{clinic.address}}. {{clinic.name}}, tel. {{clinic.phone}}',
      pl: 'Nasz adres: {{clinic.address}}. {{clinic.name}}, tel. {{clinic.phone}}',
      en: 'You will find us at {{clinic.address}}. {{clinic.name}}, phone {{clinic.phone}}',
      de: 'Sie finden uns hier: {{clinic.address}}. {{clinic.name}}, Tel. {{clinic.phone}}',
      fr: 'Notre adresse : {{clinic.address}}. {{clinic.name}}, tél. {{clinic.phone}}',
      es: 'Nuestra dirección: {{clinic.address}}. {{clinic.name}}, tel. {{clinic.phone}}',
      uk: 'Наша адреса: {{clinic.address}}. {{clinic.name}}, тел. {{clinic.phone}}',
    },
  },
  {
    key: 'booking',
    category: 'booking',
    names: { it: 'Come prenotare', pl: 'Jak się umówić', en: 'How to book' },
    shortcodes: { it: 'prenota', pl: 'wizyta', en: 'book', de: 'termin', fr: 'rdv', es: 'cita', uk: 'запис' },
    variants: {
      it: 'Per prenotare ci indichi il tipo di visita e i giorni e gli orari che preferisce: Le proporremo il primo appuntamento disponibile. Può anche chiamarci al {{clinic.phone}}.',
      pl: 'Aby umówić wizytę, prosimy napisać, jakiej wizyty Pan/Pani potrzebuje i jakie dni oraz godziny są dogodne – zaproponujemy najbliższy wolny termin. Można też zadzwonić: {{clinic.phone}}.',
      en: 'To book a visit, tell us what it is for and which days and times suit you, and we will offer you the first available appointment. You can also call us on {{clinic.phone}}.',
      de: 'Für einen Termin schreiben Sie uns bitte, worum es geht und welche Tage und Uhrzeiten Ihnen passen – wir schlagen Ihnen den nächsten freien Termin vor. Sie erreichen uns auch telefonisch unter {{clinic.phone}}.',
      fr: 'Pour prendre rendez-vous, indiquez-nous le motif de la visite ainsi que les jours et horaires qui vous conviennent : nous vous proposerons le premier créneau disponible. Vous pouvez aussi nous appeler au {{clinic.phone}}.',
      es: 'Para pedir cita, indíquenos el motivo de la consulta y qué días y horas le vienen mejor: le ofreceremos la primera cita disponible. También puede llamarnos al {{clinic.phone}}.',
      uk: 'Щоб записатися на прийом, напишіть, будь ласка, яка консультація вам потрібна та які дні й години вам зручні — ми запропонуємо найближчий вільний час. Також можна зателефонувати: {{clinic.phone}}.',
    },
  },
  {
    key: 'documents',
    category: 'documents',
    names: { it: 'Documenti da portare', pl: 'Potrzebne dokumenty', en: 'What to bring' },
    shortcodes: { it: 'documenti', pl: 'dokumenty', en: 'documents', de: 'unterlagen', fr: 'papiers', es: 'documentos', uk: 'документи' },
    variants: {
      it: "Per la visita porti un documento d'identità, la tessera sanitaria, l'eventuale impegnativa del medico e i referti degli esami precedenti.",
      pl: 'Na wizytę prosimy zabrać dokument tożsamości, skierowanie (jeśli jest wymagane) oraz wyniki wcześniejszych badań.',
      en: 'Please bring an ID, your health insurance card, any referral from your doctor and the results of previous tests.',
      de: 'Bitte bringen Sie Ihren Ausweis, Ihre Versichertenkarte, gegebenenfalls die Überweisung sowie frühere Befunde mit.',
      fr: "Merci d'apporter une pièce d'identité, votre carte d'assurance maladie, l'éventuelle lettre de votre médecin et les résultats de vos examens précédents.",
      es: 'Traiga su documento de identidad, la tarjeta sanitaria, el volante de su médico si lo tiene y los informes de pruebas anteriores.',
      uk: 'Будь ласка, візьміть із собою документ, що посвідчує особу, направлення (якщо воно є) та результати попередніх обстежень.',
    },
  },
  {
    key: 'delay',
    category: 'delay',
    names: { it: 'Avviso di ritardo', pl: 'Informacja o opóźnieniu', en: 'Delay notice' },
    shortcodes: { it: 'ritardo', pl: 'opoznienie', en: 'delay', de: 'verspaetung', fr: 'retard', es: 'retraso', uk: 'затримка' },
    variants: {
      it: "Gentile {{patient.first_name|paziente}}, {{appointment.practitioner|il medico}} è in ritardo di circa {{delay.minutes}} minuti: la Sua visita delle {{appointment.time}} inizierà verso le {{delay.eta}}. Ci scusiamo per l'attesa. — {{clinic.name}}",
      pl: 'Dzień dobry, {{appointment.practitioner|lekarz}} ma około {{delay.minutes}} min opóźnienia. Wizyta zaplanowana na {{appointment.time}} rozpocznie się około {{delay.eta}}. Przepraszamy za utrudnienia. {{clinic.name}}',
      en: 'Hi {{patient.first_name|there}}, {{appointment.practitioner|the doctor}} is running about {{delay.minutes}} minutes late. Your {{appointment.time}} appointment should start around {{delay.eta}}. Sorry for the wait. — {{clinic.name}}',
      de: 'Guten Tag, {{appointment.practitioner|die Praxis}} hat derzeit etwa {{delay.minutes}} Minuten Verspätung. Ihr Termin um {{appointment.time}} Uhr beginnt voraussichtlich gegen {{delay.eta}} Uhr. Wir bitten um Verständnis. {{clinic.name}}',
      fr: 'Bonjour, {{appointment.practitioner|le praticien}} a environ {{delay.minutes}} minutes de retard. Votre rendez-vous de {{appointment.time}} devrait commencer vers {{delay.eta}}. Merci de votre compréhension. {{clinic.name}}',
      es: 'Hola, {{appointment.practitioner|el doctor}} lleva unos {{delay.minutes}} minutos de retraso. Su cita de las {{appointment.time}} empezará hacia las {{delay.eta}}. Disculpe las molestias. {{clinic.name}}',
      uk: 'Добрий день! {{appointment.practitioner|Лікар}} затримується приблизно на {{delay.minutes}} хв. Ваш прийом о {{appointment.time}} розпочнеться орієнтовно о {{delay.eta}}. Перепрошуємо за незручності. {{clinic.name}}',
    },
  },
  {
    key: 'reminder',
    category: 'reminder',
    names: { it: 'Promemoria appuntamento', pl: 'Przypomnienie o wizycie', en: 'Appointment reminder' },
    shortcodes: { it: 'promemoria', pl: 'przypomnienie', en: 'reminder', de: 'erinnerung', fr: 'rappel', es: 'recordatorio', uk: 'нагадування' },
    variants: {
      it: "Gentile {{patient.first_name|paziente}}, Le ricordiamo l'appuntamento di {{appointment.date}} alle {{appointment.time}} con {{appointment.practitioner}} presso {{clinic.name}}, {{clinic.address}}. Risponda SI per confermare o NO per disdire.",
      pl: 'Dzień dobry, przypominamy o wizycie: {{appointment.date}}, godz. {{appointment.time}}, {{appointment.practitioner}}, {{clinic.name}}, {{clinic.address}}. Prosimy odpisać TAK, aby potwierdzić, lub NIE, aby odwołać.',
      en: 'Hi {{patient.first_name|there}}, a reminder of your appointment on {{appointment.date}} at {{appointment.time}} with {{appointment.practitioner}} at {{clinic.name}}, {{clinic.address}}. Reply YES to confirm or NO to cancel.',
      de: 'Guten Tag, wir erinnern Sie an Ihren Termin am {{appointment.date}} um {{appointment.time}} Uhr bei {{appointment.practitioner}}, {{clinic.name}}, {{clinic.address}}. Antworten Sie JA zur Bestätigung oder NEIN zur Absage.',
      fr: 'Bonjour, nous vous rappelons votre rendez-vous du {{appointment.date}} à {{appointment.time}} avec {{appointment.practitioner}}, {{clinic.name}}, {{clinic.address}}. Répondez OUI pour confirmer ou NON pour annuler.',
      es: 'Hola, le recordamos su cita del {{appointment.date}} a las {{appointment.time}} con {{appointment.practitioner}} en {{clinic.name}}, {{clinic.address}}. Responda SÍ para confirmar o NO para cancelar.',
      uk: 'Добрий день! Нагадуємо про ваш прийом: {{appointment.date}} о {{appointment.time}}, {{appointment.practitioner}}, {{clinic.name}}, {{clinic.address}}. Надішліть ТАК для підтвердження або НІ для скасування.',
    },
  },
  {
    key: 'feedback',
    category: 'feedback',
    names: { it: 'Richiesta di feedback', pl: 'Prośba o opinię', en: 'Feedback request' },
    shortcodes: { it: 'feedback', pl: 'opinia', en: 'review', de: 'bewertung', fr: 'avis', es: 'opinion', uk: 'відгук' },
    variants: {
      it: 'Gentile {{patient.first_name|paziente}}, grazie per aver scelto {{clinic.name}}. Come è andata la visita di oggi? Ci risponda con un voto da 1 a 5: ogni commento ci aiuta a migliorare.',
      pl: 'Dziękujemy za dzisiejszą wizytę! Jak ją Pan/Pani ocenia w skali od 1 do 5? Każda uwaga pomoże nam działać lepiej. Zespół {{clinic.name}}',
      en: 'Hi {{patient.first_name|there}}, thank you for choosing {{clinic.name}}. How was your visit today? Reply with a score from 1 to 5: every comment helps us improve.',
      de: 'Vielen Dank für Ihren Besuch bei {{clinic.name}}! Wie zufrieden waren Sie heute? Antworten Sie einfach mit einer Zahl von 1 (gar nicht) bis 5 (sehr zufrieden) – jede Rückmeldung hilft uns weiter.',
      fr: "Merci d'avoir choisi {{clinic.name}} ! Comment s'est passée votre visite aujourd'hui ? Répondez par une note de 1 à 5 : chaque avis nous aide à nous améliorer.",
      es: '¡Gracias por elegir {{clinic.name}}! ¿Qué tal fue su visita de hoy? Responda con una nota del 1 al 5: cada comentario nos ayuda a mejorar.',
      uk: 'Дякуємо, що обрали {{clinic.name}}! Як пройшов ваш візит сьогодні? Оцініть його у відповіді від 1 до 5 — кожен відгук допомагає нам ставати кращими.',
    },
  },
  {
    key: 'birthday',
    category: 'birthday',
    names: { it: 'Auguri di compleanno', pl: 'Życzenia urodzinowe', en: 'Birthday greetings' },
    shortcodes: { it: 'auguri', pl: 'urodziny', en: 'birthday', de: 'geburtstag', fr: 'anniversaire', es: 'cumpleanos', uk: 'деньнародження' },
    variants: {
      it: 'Gentile {{patient.first_name|paziente}}, tanti auguri di buon compleanno da tutto lo staff di {{clinic.name}}! Le auguriamo una splendida giornata.',
      pl: 'Wszystkiego najlepszego z okazji urodzin! Dużo zdrowia i uśmiechu życzy zespół {{clinic.name}}.',
      en: 'Hi {{patient.first_name|there}}, happy birthday from all of us at {{clinic.name}}! Wishing you a wonderful day.',
      de: 'Alles Gute zum Geburtstag! Das Team von {{clinic.name}} wünscht Ihnen Gesundheit und einen wunderschönen Tag.',
      fr: "Joyeux anniversaire ! Toute l'équipe de {{clinic.name}} vous souhaite une excellente journée et une très bonne santé.",
      es: '¡Feliz cumpleaños! Todo el equipo de {{clinic.name}} le desea un día estupendo y mucha salud.',
      uk: "З днем народження! Команда {{clinic.name}} бажає вам міцного здоров'я та чудового дня.",
    },
  },
];
