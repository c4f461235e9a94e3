import { LitElement, html, nothing, type PropertyValues } from "lit";
import { graphql } from "../shared/graphql.ts";
import { localeFor, type Locale } from "../shared/i18n.ts";
import { documents } from "../shared/operations.ts";
import { baseStyles, emit } from "../shared/styles.ts";
import { profileChart, trendChart } from "./charts.ts";
import { reportStyles } from "./kinerja-report.styles.ts";
import type { Report, ReportSurvey, ReportUnit, RespondentProfile } from "./report-data.ts";
import { reportMessages } from "./report-i18n.ts";

const dimensions = ["channel", "sex", "age", "education", "occupation"] as const;

/**
 * A periodic public report: an instansi's published units (or one unit) for
 * a year — IKM per unit and service with its trend and element profile as
 * charts, who answered in aggregate, the follow-up of the results, what
 * units promised at community forums, indicators achieved and the predikat
 * distribution where publishable. Its own bundle (kinerja-report.js), so a
 * page with only the survey never downloads it.
 *
 * @attr api - The Kinerja GraphQL endpoint.
 * @attr instansi - The instansi's slug, e.g. kota-salatiga.
 * @attr unit - Optional: one unit's slug; all published units when absent.
 * @attr year - The year reported (default: this year).
 * @attr lang - "id" (default) or "en".
 *
 * @event kinerja-error - Loading failed. detail: { code, message }
 *
 * @csspart report - The outer card.
 * @csspart unit - Each unit's section.
 * @csspart chart - Each chart.
 *
 * @cssproperty --kinerja-color-primary - Bars and figures.
 * @cssproperty --kinerja-color-track - Bar background.
 */
export class KinerjaReport extends LitElement {
  static override styles = [baseStyles, reportStyles];

  static override properties = {
    api: {},
    instansi: {},
    unit: {},
    year: { type: Number },
    lang: {},
    data: { state: true },
    status: { state: true },
  };

  declare api: string;
  declare instansi: string;
  declare unit: string;
  declare year: number;
  declare lang: string;
  declare private data: Report | null;
  declare private status: "loading" | "ready" | "failed";

  constructor() {
    super();
    this.api = "";
    this.instansi = "";
    this.unit = "";
    this.year = new Date().getFullYear();
    this.lang = "id";
    this.data = null;
    this.status = "loading";
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if ((changed.has("api") || changed.has("instansi") || changed.has("unit") || changed.has("year")) && this.api && this.instansi) void this.load();
  }

  private async load() {
    this.status = "loading";
    try {
      const variables = { instansi: this.instansi, year: this.year, ...(this.unit ? { unit: this.unit } : {}) };
      const { report } = await graphql<{ report: Report | null }>(this.api, documents.report, variables);
      this.data = report;
      this.status = "ready";
    } catch (error) {
      this.status = "failed";
      emit(this, "kinerja-error", { code: "LOAD_FAILED", message: String(error) });
    }
  }

  override render() {
    const locale = localeFor(this.lang);
    const r = reportMessages(locale.language);
    const d = this.data;
    let body;
    if (this.status === "loading") body = html`<p role="status">${locale.t.loading}</p>`;
    else if (this.status === "failed") body = html`<p role="status">${locale.t.loadFailed}</p>`;
    else if (!d) body = html`<h2>${r.title(this.year)}</h2><p role="status">${r.none}</p>`;
    else
      body = html`<h2>${r.title(d.year)}</h2>
        <p class="muted">${d.instansiName}</p>
        ${d.units.map((unit) => this.renderUnit(unit, d.year, locale))}`;
    return html`<section part="report" class="root" lang=${locale.language === "EN" ? "en" : "id"} aria-label=${r.title(this.year)}>${body}</section>`;
  }

  private renderUnit(unit: ReportUnit, year: number, locale: Locale) {
    const { t, number, label } = locale;
    const r = reportMessages(locale.language);
    const achieved = unit.indicators.filter((i) => i.achievedPercent !== null && i.achievedPercent >= 100).length;
    return html`<article part="unit" class="unit">
      <h3>${unit.unitName}</h3>
      ${unit.unitResult?.result
        ? html`<p>${t.unitIkm}: <strong>${number(unit.unitResult.result.ikm, 2)}</strong> (${unit.unitResult.result.grade}, ${label(unit.unitResult.result.label)})</p>`
        : nothing}
      ${unit.surveys.length
        ? html`<table class="services">
            <caption>${r.services(year)}</caption>
            <thead><tr><th scope="col">${r.service}</th><th scope="col">${r.ikm}</th><th scope="col">${r.grade}</th><th scope="col">${r.respondents}</th></tr></thead>
            <tbody>
              ${unit.surveys.map(
                (s) => html`<tr>
                  <th scope="row">${s.serviceName}</th>
                  ${s.resultIn
                    ? html`<td>${number(s.resultIn.ikm, 2)}</td><td>${s.resultIn.grade} (${label(s.resultIn.label)})</td><td>${number(s.resultIn.responseCount)}</td>`
                    : html`<td colspan="3">${r.notShown}</td>`}
                </tr>`,
              )}
            </tbody>
          </table>`
        : nothing}
      ${unit.surveys.map((s) => this.renderSurvey(s, year, locale))}
      ${unit.commitments?.length
        ? html`<h4>${t.commitments}</h4>
            <ul class="items">
              ${unit.commitments.map(
                (c) => html`<li><span>${c.commitment}<br /><span class="muted">${c.forum.title}, ${c.forum.heldOn} · ${t.participants(number(c.forum.participants))}</span>${c.note ? html`<br /><span class="muted">${c.note}</span>` : nothing}</span><strong>${t.commitmentStatus[c.status]}</strong></li>`,
              )}
            </ul>`
        : nothing}
      ${unit.indicators.length
        ? html`<h4>${r.indicatorsAchieved(unit.year, achieved, unit.indicators.length)}</h4>
            <ul class="items">
              ${unit.indicators.map(
                (i) => html`<li><span>${i.description}</span><strong>${i.achievedPercent === null ? t.noRealisation : `${number(i.achievedPercent, 0)}%`}</strong></li>`,
              )}
            </ul>`
        : nothing}
      ${unit.predikatDistribution
        ? html`<h4>${t.predikat}${unit.predikatYear ? ` ${unit.predikatYear}` : ""}</h4>
            <ul class="items">${unit.predikatDistribution.map((p) => html`<li><span>${label(p.label)}</span><strong>${t.people(number(p.count))}</strong></li>`)}</ul>`
        : nothing}
    </article>`;
  }

  private renderSurvey(s: ReportSurvey, year: number, locale: Locale) {
    const { t, number } = locale;
    const r = reportMessages(locale.language);
    const inYear = s.periods.filter((p) => p.startsOn.slice(0, 4) <= String(year) && p.endsOn.slice(0, 4) >= String(year));
    // The trend up to the year reported: its last six shown periods, so the bars stay readable on a phone.
    const shown = s.periods.filter((p) => p.result && p.startsOn.slice(0, 4) <= String(year)).slice(-6);
    const followUp = inYear.flatMap((p) => p.followUp);
    const latest = [...inYear].reverse().find((p) => p.respondents);
    if (!s.resultIn && !shown.length && !followUp.length) return nothing;
    return html`<section class="survey" aria-label=${s.serviceName}>
      <h4>${s.serviceName}</h4>
      <div class="charts">
        ${shown.length ? trendChart(r.trend(s.serviceName), shown.map((p) => ({ label: p.label, value: p.result!.ikm, text: number(p.result!.ikm, 2) })), 100) : nothing}
        ${s.resultIn ? profileChart(r.profile(s.serviceName, year), s.resultIn.elements.map((e) => ({ label: e.element, value: e.nrr, text: number(e.nrr, 2) })), 4) : nothing}
      </div>
      ${followUp.length
        ? html`<h5>${r.followUp}</h5>
            <ul class="items">
              ${followUp.map((f) => html`<li><span><span class="code">${f.element}</span> ${f.action}<br /><span class="muted">${f.responsible} · ${t.due} ${f.dueOn}</span></span><strong>${t.followUpStatus[f.status]}</strong></li>`)}
            </ul>`
        : nothing}
      ${latest?.respondents ? this.renderRespondents(latest.label, latest.respondents, locale) : nothing}
    </section>`;
  }

  private renderRespondents(period: string, profile: RespondentProfile, locale: Locale) {
    const { t, number } = locale;
    const r = reportMessages(locale.language);
    const names: Record<string, string> = { ...t.sexes, ...t.educations, ...t.occupations, ...r.groups };
    return html`<h5>${r.whoAnswered(period, number(profile.responseCount))}</h5>
      <dl class="profile">
        ${dimensions.map(
          (dimension) => html`<dt>${r.dimensions[dimension]}</dt>
            <dd>${profile[dimension] ? profile[dimension]!.map((g) => `${names[g.group] ?? g.group} ${number(g.count)}`).join(" · ") : html`<span class="muted">${r.withheld}</span>`}</dd>`,
        )}
      </dl>`;
  }
}
