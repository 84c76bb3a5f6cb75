// The course quiz (course_utils/quiz.py). Plain JavaScript, no library: it runs in
// JupyterLab's trusted outputs and on static pages. Answers are kept in localStorage under
// "course-quiz:<quiz id>:<question id>". Each quiz is set up once, however often this runs.
// Keyboard: Tab reaches each question's options once (and its Check button), the arrow keys
// (Home, End) move between them, Enter or Space chooses; the verdict and the score are
// announced (aria-live), the options say whether they are checked (aria-checked).
(function () {
  function store(key, value) {
    try {
      if (value === undefined) { return JSON.parse(localStorage.getItem(key)); }
      if (value === null) { localStorage.removeItem(key); } else {
        localStorage.setItem(key, JSON.stringify(value));
      }
    } catch (error) { return null; }  // storage may be blocked: the quiz still works
  }
  function setup(quiz) {
    if (quiz.dataset.ready) { return; }
    quiz.dataset.ready = "1";
    var total = Number(quiz.dataset.total);
    var questions = Array.prototype.slice.call(quiz.querySelectorAll(".cq-question"));
    var score = quiz.querySelector(".cq-score"), summary = quiz.querySelector(".cq-summary");
    function keyOf(question) { return "course-quiz:" + quiz.id + ":" + question.dataset.qid; }
    function options(question) {
      return Array.prototype.slice.call(question.querySelectorAll(".cq-option"));
    }
    function refresh() {
      var answered = 0, right = 0, revisit = {};
      questions.forEach(function (question, index) {
        if (!question.dataset.answered) { return; }
        answered += 1;
        if (question.dataset.answered === "right") { right += 1; return; }
        var lesson = question.dataset.lesson;
        (revisit[lesson] = revisit[lesson] || []).push(index + 1);
      });
      score.textContent = "Score: " + right + " / " + answered + " answered (" + total +
        (total === 1 ? " question" : " questions") + "; the first answer to each counts)";
      // the summary is announced once, when the last question is answered
      summary.setAttribute("aria-live", answered < total ? "off" : "polite");
      if (answered < total) {
        summary.textContent = (total - answered) + " of " + total + " questions still to " +
          "answer; a summary of the lessons to revisit appears here at the end.";
        return;
      }
      var lessons = Object.keys(revisit).sort(function (a, b) { return a - b; });
      summary.textContent = "All " + total + " answered: " + right + " right at the first " +
        "try. " + (lessons.length === 0 ? "Nothing to revisit - well done." :
        "Lessons to revisit: " + lessons.map(function (lesson) {
          return "lesson " + lesson + " (question" + (revisit[lesson].length > 1 ? "s " : " ") +
            revisit[lesson].join(", ") + ")";
        }).join("; ") + ".");
    }
    function record(question, ok, picked) {
      if (question.dataset.answered) { return; }
      question.dataset.answered = ok ? "right" : "wrong";
      store(keyOf(question), {ok: ok, picked: picked});
      refresh();
    }
    function mark(option, on) {  // a multi-select question's options show it with a box
      option.classList.toggle("cq-picked", on && option.getAttribute("role") === "checkbox");
      option.setAttribute("aria-checked", on ? "true" : "false");
      if (on) { focusable(option.closest(".cq-question"), option); }
    }
    function focusable(question, option) {  // the option Tab reaches in its question
      options(question).forEach(function (other) { other.tabIndex = other === option ? 0 : -1; });
    }
    var STEPS = {ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1};
    function move(question, event) {
      var all = options(question), at = all.indexOf(event.target), to;
      if (event.key in STEPS) { to = (at + STEPS[event.key] + all.length) % all.length; }
      else if (event.key === "Home") { to = 0; }
      else if (event.key === "End") { to = all.length - 1; }
      else { return; }
      event.preventDefault();
      focusable(question, all[to]);
      all[to].focus();
    }
    function verdict(ok) { return ok ? "\u2714 Right. " : "\u2718 Not quite. "; }
    function choose(question, option, restored) {
      var ok = option.dataset.correct === "1";
      options(question).forEach(function (other) { mark(other, other === option); });
      option.classList.add(ok ? "cq-right" : "cq-wrong");
      question.querySelector(".cq-feedback").textContent = (restored ?
        "(your answer last time) " : "") + verdict(ok) + option.dataset.explanation;
      return ok;
    }
    function check(question, restored) {
      var ok = true, notes = [], picked = [];
      options(question).forEach(function (option) {
        var tick = option.classList.contains("cq-picked");
        var correct = option.dataset.correct === "1";
        if (tick) { picked.push(option.dataset.key); }
        if (tick !== correct) { ok = false; }
        if (!tick && !correct) { return; }
        option.classList.add(!tick ? "cq-missed" : correct ? "cq-right" : "cq-wrong");
        notes.push(option.dataset.label + (!tick ? " (right, not ticked): " : correct ?
          " (ticked, right): " : " (ticked, wrong): ") + option.dataset.explanation);
      });
      question.querySelector(".cq-feedback").textContent = (restored ?
        "(your answer last time) " : "") + verdict(ok) + notes.join(" ");
      return {ok: ok, picked: picked};
    }
    questions.forEach(function (question) {
      var multi = question.dataset.multi === "1";
      options(question).forEach(function (option) {
        option.addEventListener("click", function () {
          if (!multi) { record(question, choose(question, option), [option.dataset.key]); return; }
          if (question.dataset.answered) { return; }
          mark(option, !option.classList.contains("cq-picked"));
        });
        option.addEventListener("keydown", function (event) { move(question, event); });
      });
      focusable(question, options(question)[0]);
      var button = question.querySelector(".cq-check");
      if (button) {
        button.addEventListener("click", function () {
          if (question.dataset.answered) { return; }
          var result = check(question);
          record(question, result.ok, result.picked);
        });
      }
      var saved = store(keyOf(question));  // restore an answer from an earlier visit
      if (!saved || !saved.picked) { return; }
      var chosen = options(question).filter(function (option) {
        return saved.picked.indexOf(option.dataset.key) >= 0;
      });
      if (chosen.length !== saved.picked.length) { return; }  // the question has changed
      chosen.forEach(function (option) {
        if (multi) { mark(option, true); } else { choose(question, option, true); }
      });
      if (multi) { check(question, true); }
      question.dataset.answered = saved.ok ? "right" : "wrong";
    });
    quiz.querySelector(".cq-reset").addEventListener("click", function () {
      questions.forEach(function (question) {
        store(keyOf(question), null);
        delete question.dataset.answered;
        question.querySelector(".cq-feedback").textContent = "";
        options(question).forEach(function (option) {
          option.classList.remove("cq-right", "cq-wrong", "cq-missed");
          mark(option, false);
        });
        focusable(question, options(question)[0]);
      });
      refresh();
    });
    refresh();
  }
  document.querySelectorAll(".cq-quiz").forEach(setup);
})();
