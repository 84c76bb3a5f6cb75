// The course quiz (course_utils/quiz.py). Plain JavaScript, no library: it runs in
// JupyterLab's trusted outputs and on static pages. Answers are kept in localStorage under
// "course-quiz:<quiz id>:<question id>". Each quiz is set up once, however often this runs.
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
    function verdict(ok) { return ok ? "\u2714 Right. " : "\u2718 Not quite. "; }
    function choose(question, option, restored) {
      var ok = option.dataset.correct === "1";
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
          option.classList.toggle("cq-picked");
          option.setAttribute("aria-pressed", option.classList.contains("cq-picked"));
        });
      });
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
        if (multi) { option.classList.add("cq-picked"); option.setAttribute("aria-pressed", true); }
        else { choose(question, option, true); }
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
          option.classList.remove("cq-picked", "cq-right", "cq-wrong", "cq-missed");
          if (option.hasAttribute("aria-pressed")) { option.setAttribute("aria-pressed", false); }
        });
      });
      refresh();
    });
    refresh();
  }
  document.querySelectorAll(".cq-quiz").forEach(setup);
})();
