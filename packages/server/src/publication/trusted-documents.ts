// The operations the public widgets send, kept here and known by an ID: a
// widget sends `documentId` and its variables, never the query text, so its
// URLs stay short (a GET, cacheable by any proxy in front of a regional
// website) and its bundle carries no GraphQL. An ID never changes meaning: a
// new selection gets a new ID, and old ones stay for widgets cached in browsers;
// a selection may only grow (new fields), which a cached widget ignores.

const scorecardFields = `instansiName unitName year predikatYear
  unitResult { result { responseCount ikm grade label } }
  surveys {
    slug serviceName status
    result { responseCount ikm grade label sampleTarget representative elements { element nrr } }
    periods { label result { ikm responseCount } ikmChange followUp { element action responsible dueOn status } }
  }
  indicators { description target targetUnit realised realisedIn achievedPercent direction }
  predikatDistribution { predikat label count }
  commitments { commitment status dueOn note aspiration forum { title kind heldOn place participants } }`;

export const trustedDocuments: Readonly<Record<string, string>> = {
  "survey.v1": `query Survey($slug: String!, $language: Language) {
  survey(slug: $slug, language: $language) {
    slug serviceName status unitName instansiName
    questions { element name question answers }
    extraQuestions { position kind text }
  }
}`,
  "challenge.v1": `query Challenge { surveyChallenge { algorithm challenge maxnumber salt signature } }`,
  "submit.v1": `mutation Submit($input: SubmitSurveyResponseInput!) {
  submitSurveyResponse(input: $input) {
    __typename
    ... on Error { message }
    ... on SubmitSurveyResponsePayload { receipt { receivedAt duplicate } result { responseCount ikm grade label } }
  }
}`,
  "report.v1": `query Report($instansi: String!, $unit: String, $year: Int!) {
  report(instansi: $instansi, unit: $unit, year: $year) {
    instansiName year
    units {
      unitName unitSlug year predikatYear
      unitResult { result { responseCount ikm grade label } }
      surveys {
        slug serviceName
        resultIn(year: $year) { responseCount ikm grade label sampleTarget representative elements { element nrr } }
        periods {
          label startsOn endsOn ikmChange result { ikm grade responseCount }
          followUp { element action responsible dueOn status }
          respondents { responseCount channel { group count } sex { group count } age { group count } education { group count } occupation { group count } }
        }
      }
      indicators { description target targetUnit realised realisedIn achievedPercent direction }
      predikatDistribution { predikat label count }
      commitments { commitment status dueOn note aspiration forum { title kind heldOn place participants } }
    }
  }
}`,
  "scorecard.v1": `query Scorecard($instansi: String!, $unit: String!) { scorecard(instansi: $instansi, unit: $unit) { ${scorecardFields} } }`,
  "scorecard-updated.v1": `subscription ScorecardUpdated($instansi: String!, $unit: String!) { scorecardUpdated(instansi: $instansi, unit: $unit) { ${scorecardFields} } }`,
};
