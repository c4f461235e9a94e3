import { LitElement, html, nothing, type PropertyValues } from "lit";
import { graphql, subscribe } from "../shared/graphql.ts";
import { localeFor } from "../shared/i18n.ts";
import { documents, type Scorecard } from "../shared/operations.ts";
import { baseStyles, emit } from "../shared/styles.ts";
import { scorecardStyles } from "./kinerja-scorecard.styles.ts";

/**
 * A unit's public scorecard: its citizen satisfaction index (IKM) with grade
 * and label, a bar per element, the trend over periods, its indicators with
 * progress, and the spread of employee predikat. Updates live.
 *
 * @attr api - The Kinerja GraphQL endpoint.
 * @attr instansi - The instansi's slug, e.g. kota-salatiga.
 * @attr unit - The unit's slug, e.g. dpmptsp.
 * @attr lang - "id" (default) or "en".
 *
 * @event kinerja-error - Loading failed. detail: { code, message }
 *
 * @csspart card - The outer card.
 * @csspart ikm - The IKM figure.
 * @csspart bar - Each bar (a <meter>: no inline styles, so it works under a strict CSP).
 *
 * @cssproperty --kinerja-color-primary - Bars and figures.
 * @cssproperty --kinerja-color-track - Bar background.
 */
export class KinerjaScorecard extends LitElement {
  static override styles = [baseStyles, scorecardStyles];

  static override properties = {
    api: {},
    instansi: {},
    unit: {},
    lang: {},
    data: { state: true },
    status: { state: true },
  };

  declare api: string;
  declare instansi: string;
  declare unit: string;
  declare lang: string;
  declare private data: Scorecard | null;
  declare private status: "loading" | "ready" | "unpublished" | "failed";

  private unsubscribe: (() => void) | null = null;

  constructor() {
    super();
    this.api = "";
    this.instansi = "";
    this.unit = "";
    this.lang = "id";
    this.data = null;
    this.status = "loading";
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if ((changed.has("api") || changed.has("instansi") || changed.has("unit")) && this.api && this.instansi && this.unit) void this.load();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  override connectedCallback() {
    super.connectedCallback();
    if (this.data) this.listen();
  }

  private async load() {
    const variables = { instansi: this.instansi, unit: this.unit };
    try {
      const { scorecard } = await graphql<{ scorecard: Scorecard | null }>(this.api, documents.scorecard, variables);
      this.show(scorecard);
      this.listen();
    } catch (error) {
      this.status = "failed";
      emit(this, "kinerja-error", { code: "LOAD_FAILED", message: String(error) });
    }
  }

  private listen() {
    this.unsubscribe?.();
    this.unsubscribe = subscribe(this.api, documents.scorecardUpdated, { instansi: this.instansi, unit: this.unit }, (data) =>
      this.show((data as { scorecardUpdated: Scorecard | null }).scorecardUpdated),
    );
  }

  private show(scorecard: Scorecard | null) {
    this.data = scorecard;
    this.status = scorecard ? "ready" : "unpublished";
  }

  override render() {
    const locale = localeFor(this.lang);
    const { t } = locale;
    const d = this.data;
    let body;
    if (this.status === "loading") body = html`<p role="status">${t.loading}</p>`;
    else if (this.status === "failed") body = html`<p role="status">${t.loadFailed}</p>`;
    else if (!d) body = html`<p role="status">${t.notPublished}</p>`;
    else body = this.renderCard(d, locale);
    return html`<section part="card" class="root" lang=${locale.language === "EN" ? "en" : "id"} aria-label=${d?.unitName ?? "Kinerja"}>${body}</section>`;
  }

  /** The latest period's follow-up plan: what the unit does about its weak elements, and how far it got. */
  private renderFollowUp(periods: Scorecard["surveys"][number]["periods"], t: ReturnType<typeof localeFor>["t"]) {
    const period = [...periods].reverse().find((p) => p.followUp.length);
    if (!period) return nothing;
    return html`<h4>${t.followUp(period.label)}</h4>
      <ul class="follow-up">
        ${period.followUp.map(
          (f) => html`<li>
            <span class="code">${f.element}</span>
            <span>${f.action}<br /><span class="muted">${f.responsible} · ${t.due} ${f.dueOn}</span></span>
            <strong class="status">${t.followUpStatus[f.status]}</strong>
          </li>`,
        )}
      </ul>`;
  }

  /** What the unit promised at community forums, latest forum first, each with its status. */
  private renderCommitments(commitments: Scorecard["commitments"] | undefined, { t, number }: ReturnType<typeof localeFor>) {
    if (!commitments?.length) return nothing;
    return html`<h3>${t.commitments}</h3>
      <ul class="commitments">
        ${commitments.map(
          (c) => html`<li>
            <span>
              ${c.commitment}
              ${c.aspiration ? html`<br /><span class="muted">${t.asked}: ${c.aspiration}</span>` : nothing}
              <br /><span class="muted">${c.forum.title}, ${c.forum.place}, ${c.forum.heldOn} · ${t.participants(number(c.forum.participants))}${c.dueOn ? ` · ${t.due} ${c.dueOn}` : ""}</span>
              ${c.note ? html`<br /><span class="muted">${c.note}</span>` : nothing}
            </span>
            <strong class="status">${t.commitmentStatus[c.status]}</strong>
          </li>`,
        )}
      </ul>`;
  }

  private renderCard(d: Scorecard, locale: ReturnType<typeof localeFor>) {
    const { t, number, label } = locale;
    return html`
      <h2>${d.unitName}</h2>
      <p class="muted">${d.instansiName} · <span class="live">${t.live}</span></p>
      ${d.unitResult?.result
        ? html`<p class="unit-ikm">
            ${t.unitIkm}: <strong part="unit-ikm">${number(d.unitResult.result.ikm, 2)}</strong> (${d.unitResult.result.grade}, ${label(d.unitResult.result.label)}) ·
            ${t.responses(number(d.unitResult.result.responseCount))}
          </p>`
        : nothing}
      ${d.surveys.map((survey) => {
        const r = survey.result;
        return html`<article class="survey">
          <h3>${survey.serviceName}</h3>
          ${r
            ? html`<div class="headline">
                  <span part="ikm" class="ikm">${number(r.ikm, 2)}</span>
                  <span class="grade" aria-label=${`${t.grade} ${r.grade}`}>${r.grade}</span>
                  <span><strong>${label(r.label)}</strong><br /><span class="muted">${t.responses(number(r.responseCount))}</span></span>
                </div>
                ${r.representative ? nothing : html`<p class="note">${t.notRepresentative(number(r.responseCount), number(r.sampleTarget))}</p>`}
                <h4>${t.elements}</h4>
                <ul class="elements">
                  ${r.elements.map(
                    (e) => html`<li>
                      <span class="code">${e.element}</span>
                      <meter part="bar" min="0" max="4" low="2.6" high="3.53" optimum="4" .value=${e.nrr} aria-label=${`${e.element}: ${number(e.nrr, 2)} / 4`}></meter>
                      <span class="value">${number(e.nrr, 2)}</span>
                    </li>`,
                  )}
                </ul>`
            : html`<p class="note">${t.noResult}</p>`}
          ${survey.periods.some((p) => p.result)
            ? html`<h4>${t.trend}</h4>
                <table class="trend">
                  <tbody>
                    ${survey.periods.map(
                      (p) => html`<tr>
                        <th scope="row">${p.label}</th>
                        <td>${p.result ? number(p.result.ikm, 2) : "–"}</td>
                        <td class="change">${p.ikmChange === null ? "" : `${p.ikmChange > 0 ? "▲ +" : p.ikmChange < 0 ? "▼ " : "■ "}${number(p.ikmChange, 2)}`}</td>
                      </tr>`,
                    )}
                  </tbody>
                </table>`
            : nothing}
          ${this.renderFollowUp(survey.periods, t)}
        </article>`;
      })}
      ${this.renderCommitments(d.commitments, locale)}
      ${d.indicators.length
        ? html`<h3>${t.indicators}${d.year ? ` ${d.year}` : ""}</h3>
            <ul class="indicators">
              ${d.indicators.map(
                (i) => html`<li>
                  <p>${i.description}</p>
                  <p class="muted">
                    ${t.target} ${number(i.target, i.target % 1 ? 2 : 0)} ${i.targetUnit} ·
                    ${i.realised === null ? t.noRealisation : html`${t.realised} ${number(i.realised, i.realised % 1 ? 2 : 0)} ${i.targetUnit}${i.realisedIn ? ` (${i.realisedIn})` : ""}`}
                    ${i.achievedPercent === null ? nothing : html` · ${number(i.achievedPercent, 0)}% ${t.achieved}`}
                  </p>
                  ${i.achievedPercent === null
                    ? nothing
                    : html`<meter part="bar" min="0" max="100" .value=${Math.min(100, i.achievedPercent)} aria-label=${`${number(i.achievedPercent, 0)}% ${t.achieved}`}></meter>`}
                </li>`,
              )}
            </ul>`
        : nothing}
      ${d.predikatDistribution
        ? html`<h3>${t.predikat}${d.predikatYear ? ` ${d.predikatYear}` : ""}</h3>
            <ul class="predikat">
              ${d.predikatDistribution.map((p) => html`<li><span>${label(p.label)}</span><strong>${t.people(number(p.count))}</strong></li>`)}
            </ul>`
        : nothing}
    `;
  }
}
