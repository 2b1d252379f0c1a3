/**
 * Text for xmlbuilder2, kept exact. Its serializer leaves an `&` alone when what follows looks
 * like an entity, so a lead containing "&lt;img" would be read back as "<img" — markup where the
 * editor wrote characters. Escaping every `&` first makes each one reach the reader as written.
 */
export const exactXmlText = (text: string): string => text.replaceAll('&', '&amp;');
