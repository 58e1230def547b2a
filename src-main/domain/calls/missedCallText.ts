/**
 * The text-back used when the clinic has no template under the configured shortcode (they can add one in
 * the template library to change the wording). Written per language, with the same variables the library uses.
 */
export const MISSED_CALL_SHORTCODE = 'missedcall';

export const MISSED_CALL_VARIANTS: Record<string, string> = {
  it: 'Gentile {{patient.first_name|paziente}}, abbiamo perso la Sua chiamata: La richiameremo al più presto. Se preferisce, ci scriva qui. — {{clinic.name}}',
  pl: 'Dzień dobry, nie zdążyliśmy odebrać Pana/Pani telefonu – oddzwonimy najszybciej, jak to możliwe. Można też napisać do nas tutaj. {{clinic.name}}',
  en: 'Hi {{patient.first_name|there}}, sorry we missed your call – we will call you back as soon as we can. You can also write to us here. — {{clinic.name}}',
  de: 'Guten Tag, leider konnten wir Ihren Anruf nicht entgegennehmen. Wir rufen Sie so bald wie möglich zurück – gern können Sie uns auch hier schreiben. {{clinic.name}}',
  fr: 'Bonjour, nous n’avons pas pu répondre à votre appel. Nous vous rappelons dès que possible ; vous pouvez aussi nous écrire ici. — {{clinic.name}}',
  es: 'Hola, no hemos podido atender su llamada. Le llamaremos lo antes posible; también puede escribirnos por aquí. — {{clinic.name}}',
  uk: 'Добрий день! Ми не встигли відповісти на ваш дзвінок і передзвонимо якнайшвидше. Також можна написати нам тут. — {{clinic.name}}',
};
