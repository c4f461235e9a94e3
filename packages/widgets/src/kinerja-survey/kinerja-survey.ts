import { LitElement, html, nothing, type PropertyValues } from "lit";
import { graphql, NetworkError, type ApiError } from "../shared/graphql.ts";
import { localeFor } from "../shared/i18n.ts";
import { documents, type PublicResult, type PublicSurvey, type SubmitPayload } from "../shared/operations.ts";
import { outbox, type PendingResponse } from "../shared/outbox.ts";
import { solve, type Challenge } from "../shared/proof-of-work.ts";
import { baseStyles, emit } from "../shared/styles.ts";
import { surveyStyles } from "./kinerja-survey.styles.ts";

type Phase = "loading" | "unavailable" | "form" | "submitting" | "thanks" | "offline" | "failed";

const profileFields = ["sex", "education", "occupation"] as const;

/**
 * A citizen satisfaction survey (SKM, PermenPANRB 14/2017): the nine
 * elements as radio groups, an optional respondent profile and a suggestion.
 * Answers are kept on the device until the server confirms them, and sent
 * with an idempotency key, so a retry never counts twice.
 *
 * @attr api - The Kinerja GraphQL endpoint, e.g. https://kinerja.example.go.id/graphql
 * @attr survey - The survey's public slug.
 * @attr lang - "id" (default) or "en".
 * @attr kiosk - For a tablet at the service counter: after a submission, or a
 *   started form left alone, the form empties itself for the next citizen.
 *   Nothing of one respondent stays for the next, and the device is never
 *   treated as one respondent.
 * @attr kiosk-reset - Seconds the thank-you stays in kiosk mode (default 15).
 * @attr kiosk-idle - Seconds a started form may sit untouched in kiosk mode (default 120).
 *
 * @event kinerja-submitted - The server stored the response. detail: { survey, receivedAt, duplicate }
 * @event kinerja-error - Loading or sending failed. detail: { survey, code, message }
 *
 * @csspart form - The form.
 * @csspart question - Each question's fieldset.
 * @csspart submit - The submit button.
 * @csspart thanks - The thank-you panel.
 *
 * @cssproperty --kinerja-color-primary - Buttons, selected answers, bars.
 * @cssproperty --kinerja-color-text - Body text.
 * @cssproperty --kinerja-color-surface - Background.
 * @cssproperty --kinerja-color-error - Validation messages.
 * @cssproperty --kinerja-color-focus - Keyboard focus ring.
 * @cssproperty --kinerja-font - Font family.
 * @cssproperty --kinerja-radius - Corner radius.
 */
export class KinerjaSurvey extends LitElement {
  static override styles = [baseStyles, surveyStyles];

  static override properties = {
    api: {},
    survey: {},
    lang: {},
    kiosk: { type: Boolean },
    kioskReset: { type: Number, attribute: "kiosk-reset" },
    kioskIdle: { type: Number, attribute: "kiosk-idle" },
    phase: { state: true },
    definition: { state: true },
    answers: { state: true },
    invalid: { state: true },
    showErrors: { state: true },
    suggestion: { state: true },
    result: { state: true },
    message: { state: true },
  };

  declare api: string;
  declare survey: string;
  declare lang: string;
  declare kiosk: boolean;
  declare kioskReset: number;
  declare kioskIdle: number;
  declare private phase: Phase;
  declare private definition: PublicSurvey | null;
  declare private answers: Record<string, number>;
  declare private invalid: Set<string>;
  declare private showErrors: boolean;
  declare private suggestion: string;
  declare private result: PublicResult | null;
  declare private message: string;

  constructor() {
    super();
    this.api = "";
    this.survey = "";
    this.lang = "id";
    this.kiosk = false;
    this.kioskReset = 15;
    this.kioskIdle = 120;
    this.phase = "loading";
    this.definition = null;
    this.answers = {};
    this.invalid = new Set();
    this.showErrors = false;
    this.suggestion = "";
    this.result = null;
    this.message = "";
  }

  private readonly retry = () => void this.sendPending();

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener("online", this.retry);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener("online", this.retry);
    clearTimeout(this.kioskTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if ((changed.has("api") || changed.has("survey") || changed.has("lang")) && this.api && this.survey) void this.load();
  }

  protected override updated(changed: PropertyValues) {
    // Kiosk: the thank-you (or the notice that the answers wait for the
    // connection, kept on the tablet) gives way to an empty form after a while.
    if (this.kiosk && changed.has("phase") && (this.phase === "thanks" || this.phase === "offline")) this.armKiosk(this.kioskReset);
  }

  private kioskTimer?: ReturnType<typeof setTimeout>;

  private armKiosk(seconds: number) {
    clearTimeout(this.kioskTimer);
    this.kioskTimer = setTimeout(() => this.restart(), seconds * 1000);
  }

  /** Any use of a kiosk form restarts the wait before it empties itself. */
  private readonly touched = () => {
    if (this.kiosk && (this.phase === "form" || this.phase === "failed")) this.armKiosk(this.kioskIdle);
  };

  private get locale() {
    return localeFor(this.lang);
  }

  private async load() {
    try {
      const { survey } = await graphql<{ survey: PublicSurvey | null }>(this.api, documents.survey, { slug: this.survey, language: this.locale.language });
      this.definition = survey;
      if (!survey || survey.status !== "OPEN") {
        this.phase = "unavailable";
        return;
      }
      if (this.phase === "loading") this.phase = "form";
      void this.sendPending();
    } catch (error) {
      this.phase = "unavailable";
      this.message = this.locale.t.loadFailed;
      this.fail(error instanceof NetworkError ? "NETWORK" : "LOAD_FAILED", String(error));
    }
  }

  private fail(code: string, message: string) {
    emit(this, "kinerja-error", { survey: this.survey, code, message });
  }

  private choose(element: string, value: number) {
    this.answers = { ...this.answers, [element]: value };
    if (this.invalid.delete(element)) this.invalid = new Set(this.invalid);
  }

  private async onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const questions = this.definition?.questions ?? [];
    this.invalid = new Set(questions.filter((q) => !this.answers[q.element]).map((q) => q.element));
    const age = form.age as HTMLInputElement;
    if (age.value && !age.checkValidity()) this.invalid.add("age");
    this.showErrors = true;
    if (this.invalid.size) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>("[aria-invalid='true'] input, input[aria-invalid='true']")?.focus();
      return;
    }
    const data = new FormData(form);
    const input: PendingResponse["input"] = {
      survey: this.survey,
      idempotencyKey: crypto.randomUUID(),
      // If the answers wait offline, they still count in the period they were given in.
      answeredAt: new Date().toISOString(),
      answers: questions.map((q) => ({ element: q.element, value: this.answers[q.element] })),
      ...(data.get("website") ? { website: String(data.get("website")) } : {}),
      ...(this.suggestion.trim() ? { suggestion: this.suggestion.trim() } : {}),
      ...(age.value ? { age: Number(age.value) } : {}),
    };
    for (const field of profileFields) if (data.get(field)) input[field] = String(data.get(field));
    const extra = (this.definition?.extraQuestions ?? []).flatMap((q) => {
      const answer = String(data.get(`extra-${q.position}`) ?? "").trim();
      return answer ? [{ position: q.position, answer }] : [];
    });
    if (extra.length) input.extraAnswers = extra;
    // Kept before sending: if the page closes or the network drops, it is sent later with the same key.
    const pending = { api: this.api, input };
    outbox.put(pending);
    this.phase = "submitting";
    await this.send(pending);
  }

  /** Sends one kept response; true when the server has it (now or before). */
  private async send(pending: PendingResponse): Promise<boolean> {
    try {
      const { surveyChallenge } = await graphql<{ surveyChallenge: Challenge | null }>(pending.api, documents.challenge, {}, "POST");
      const proofOfWork = surveyChallenge ? await solve(surveyChallenge) : undefined;
      const { submitSurveyResponse: payload } = await graphql<{ submitSurveyResponse: SubmitPayload | ApiError }>(
        pending.api,
        documents.submit,
        { input: { ...pending.input, proofOfWork } },
        "POST",
      );
      if (payload.__typename !== "SubmitSurveyResponsePayload") {
        // Refused for good (closed survey, invalid, spam): keeping it would only fail again.
        outbox.remove(pending.input.idempotencyKey);
        this.phase = "failed";
        this.message = (payload as ApiError).message;
        this.fail(payload.__typename, (payload as ApiError).message);
        return false;
      }
      const { receipt, result } = payload as SubmitPayload;
      outbox.remove(pending.input.idempotencyKey);
      this.result = result;
      this.phase = "thanks";
      emit(this, "kinerja-submitted", { survey: pending.input.survey, receivedAt: receipt.receivedAt, duplicate: receipt.duplicate });
      return true;
    } catch (error) {
      if (error instanceof NetworkError) {
        this.phase = "offline";
        this.fail("OFFLINE", error.message);
      } else {
        this.phase = "failed";
        this.message = this.locale.t.failed;
        this.fail("SEND_FAILED", String(error));
      }
      return false;
    }
  }

  private sending = false;

  /** Sends what an earlier visit or a lost connection left behind. */
  private async sendPending() {
    if (this.sending || !this.api || !this.survey) return;
    this.sending = true;
    try {
      for (const pending of outbox.pending(this.api, this.survey)) {
        if (this.phase !== "offline") this.phase = "submitting";
        if (!(await this.send(pending))) break;
      }
    } finally {
      this.sending = false;
    }
  }

  private restart() {
    clearTimeout(this.kioskTimer);
    // Fields Lit does not hold (profile, age, extra questions) are cleared with the form.
    this.renderRoot.querySelector("form")?.reset();
    this.answers = {};
    this.suggestion = "";
    this.invalid = new Set();
    this.showErrors = false;
    this.result = null;
    this.phase = "form";
    if (this.kiosk) this.scrollIntoView({ block: "start" });
  }

  override render() {
    const { t } = this.locale;
    const d = this.definition;
    const body = (() => {
      switch (this.phase) {
        case "loading":
          return html`<p role="status">${t.loading}</p>`;
        case "unavailable":
          return html`<p role="status">${this.message || t.closed}</p>`;
        case "thanks":
          return this.renderThanks();
        default:
          return this.renderForm();
      }
    })();
    return html`<div class="root" lang=${this.locale.language === "EN" ? "en" : "id"}>
      ${d ? html`<h2>${d.serviceName}</h2><p class="muted">${d.unitName} · ${d.instansiName}</p>` : nothing}
      ${body}
    </div>`;
  }

  private renderThanks() {
    const { t, number, label } = this.locale;
    const r = this.result;
    return html`<div part="thanks" class="thanks" role="status">
      <p><strong>${t.thanks}</strong></p>
      ${r
        ? html`<p>${t.currentIkm}: <strong class="ikm">${number(r.ikm, 2)}</strong> (${t.grade} ${r.grade}, ${label(r.label)})</p>`
        : nothing}
      ${this.kiosk ? html`<p>${t.kioskNext(this.kioskReset)}</p>` : nothing}
      <button type="button" @click=${this.restart}>${this.kiosk ? t.nextRespondent : t.again}</button>
    </div>`;
  }

  private renderForm() {
    const { t } = this.locale;
    const d = this.definition!;
    const busy = this.phase === "submitting";
    const missing = d.questions.filter((q) => this.invalid.has(q.element)).length;
    const left = 2000 - this.suggestion.length;
    return html`<form part="form" novalidate @submit=${this.onSubmit} @input=${this.touched} @change=${this.touched} @keydown=${this.touched} @pointerdown=${this.touched}
      aria-busy=${busy ? "true" : "false"}>
      <p>${t.intro}</p>
      ${d.questions.map((q, i) => {
        const invalid = this.showErrors && this.invalid.has(q.element);
        return html`<fieldset part="question" class="question" aria-invalid=${invalid ? "true" : "false"} aria-describedby=${invalid ? `error-${q.element}` : nothing}>
          <legend>${i + 1}. ${q.question} <span class="visually-hidden">(${t.required})</span></legend>
          <div class="options">
            ${q.answers.map(
              (answer, k) => html`<label class="option">
                <input type="radio" name=${q.element} value=${k + 1} .checked=${this.answers[q.element] === k + 1}
                  @change=${() => this.choose(q.element, k + 1)} />
                <span>${answer}</span>
              </label>`,
            )}
          </div>
          ${invalid ? html`<p class="error" id=${`error-${q.element}`}>${t.chooseAnswer}</p>` : nothing}
        </fieldset>`;
      })}
      ${d.extraQuestions.map(
        (q) => html`<div class="field">
          <label for=${`extra-${q.position}`}>${q.text}</label>
          ${q.kind === "TEXT"
            ? html`<input id=${`extra-${q.position}`} name=${`extra-${q.position}`} maxlength="1000" />`
            : html`<select id=${`extra-${q.position}`} name=${`extra-${q.position}`}>
                <option value="">${t.notSaying}</option>${[1, 2, 3, 4].map((v) => html`<option>${v}</option>`)}
              </select>`}
        </div>`,
      )}
      <fieldset class="profile">
        <legend>${t.profile}</legend>
        ${this.renderSelect("sex", t.sex, t.sexes)}
        <div class="field">
          <label for="age">${t.age}</label>
          <input id="age" name="age" type="number" inputmode="numeric" min="10" max="120" autocomplete="off"
            aria-invalid=${this.showErrors && this.invalid.has("age") ? "true" : "false"}
            aria-describedby=${this.showErrors && this.invalid.has("age") ? "error-age" : nothing}
            @input=${() => this.invalid.delete("age") && (this.invalid = new Set(this.invalid))} />
          ${this.showErrors && this.invalid.has("age") ? html`<p class="error" id="error-age">${t.ageInvalid}</p>` : nothing}
        </div>
        ${this.renderSelect("education", t.education, t.educations)}
        ${this.renderSelect("occupation", t.occupation, t.occupations)}
      </fieldset>
      <div class="field">
        <label for="suggestion">${t.suggestion}</label>
        <textarea id="suggestion" name="suggestion" rows="4" maxlength="2000" aria-describedby="suggestion-left"
          .value=${this.suggestion} @input=${(e: Event) => (this.suggestion = (e.target as HTMLTextAreaElement).value)}></textarea>
        <p class="muted" id="suggestion-left">${t.charactersLeft(left)}</p>
      </div>
      <div class="trap" aria-hidden="true">
        <label>Website <input name="website" tabindex="-1" autocomplete="off" /></label>
      </div>
      <div role="status" aria-live="polite" class="status">
        ${this.showErrors && missing ? html`<p class="error">${t.missing(missing)}</p>` : nothing}
        ${this.phase === "offline" ? html`<p class="notice">${t.offline}</p>` : nothing}
        ${this.phase === "failed" ? html`<p class="error">${this.message || t.failed}</p>` : nothing}
      </div>
      <button part="submit" type="submit" ?disabled=${busy || this.phase === "offline"}>${busy ? t.submitting : t.submit}</button>
    </form>`;
  }

  private renderSelect(name: (typeof profileFields)[number], text: string, options: Record<string, string>) {
    return html`<div class="field">
      <label for=${name}>${text}</label>
      <select id=${name} name=${name}>
        <option value="">${this.locale.t.notSaying}</option>
        ${Object.entries(options).map(([value, label]) => html`<option value=${value}>${label}</option>`)}
      </select>
    </div>`;
  }
}
