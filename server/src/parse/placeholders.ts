/**
 * Documentation placeholders: the words a README writes where the reader puts their own value
 * (`<image>`, `nginx:<tag>`, `app:[version]`, `%%IMAGE%%`, `{{image}}`, `...`). A placeholder makes the
 * value it stands in unknown, and only that value: `docker run --privileged <image>` is still privileged.
 */

/**
 * A placeholder inside a value: `<name>`, `{{ name }}`, `%%NAME%%`, an ellipsis, or `[name]` (a letter first and
 * no `:`, so an IPv6 host such as `[::1]` is not one).
 */
const PLACEHOLDER = /<[A-Za-z_][\w.:/@-]*>|\{\{[^{}]*\}\}|%%[A-Za-z_][\w-]*%%|\.\.\.|\u2026|\[[A-Za-z_][\w .|-]*\]/;

export function holdsPlaceholder(text: string): boolean {
  return PLACEHOLDER.test(text);
}

/**
 * A word that stands for options left out, in the options' place: `...`, `[OPTIONS]`, `[options...]`,
 * `<options>`, `[flags]`. The flags around it are real and still read.
 */
const OPTIONS_PLACEHOLDER = /^(?:\.\.\.|\u2026|\[(?:[\w-]*(?:option|flag|arg)s?[\w-]*(?:\.\.\.|\u2026)?)\]|<[\w-]*(?:option|flag|arg)s?[\w-]*>)$/i;

export function isOptionsPlaceholder(word: string): boolean {
  return OPTIONS_PLACEHOLDER.test(word);
}

/** The reason an Unknown gives for a placeholder. */
export const PLACEHOLDER_REASON = 'a documentation placeholder';
