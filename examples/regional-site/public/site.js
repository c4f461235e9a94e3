// The site listens to the widgets' events, e.g. to thank the citizen in its own words
// or to count submissions in its analytics. External file: the CSP allows no inline script.
document.addEventListener("kinerja-submitted", (event) => {
  const note = document.getElementById("survey-note");
  if (note) note.textContent = event.detail.duplicate ? "Jawaban Anda sudah tercatat sebelumnya." : "Terima kasih telah membantu kami memperbaiki pelayanan.";
});
document.addEventListener("kinerja-error", (event) => {
  console.info("Kinerja widget:", event.detail.code, event.detail.message);
});
