// The course's offline explorers (course_utils/explorers.py). Plain JavaScript, no
// library: it runs on the website's pages and in JupyterLab's trusted outputs. The
// frames were drawn when the lesson ran; a slider picks one, and the frame's sentence
// goes to the live region (announced) and to the picture's alt text.
(function () {
  function setup(root) {
    // set up once; a live (ipywidgets) explorer in JupyterLab has no stored frames
    if (root.dataset.ready || !root.querySelector("script.ce-frames")) { return; }
    var data = JSON.parse(root.querySelector("script.ce-frames").textContent);
    var picture = root.querySelector(".ce-frame"), status = root.querySelector(".ce-status");
    var inputs = Array.prototype.slice.call(root.querySelectorAll("input.ce-range"));
    data.frames.forEach(function (frame) {
      frame.src = frame.src ? "data:image/png;base64," + frame.src : picture.src;
    });
    function show() {
      var index = 0;
      inputs.forEach(function (input, i) {
        var text = data.values[i][input.value];
        index = index * data.values[i].length + Number(input.value);
        input.setAttribute("aria-valuetext", text);
        input.nextElementSibling.textContent = text;
      });
      var frame = data.frames[index];
      picture.src = frame.src;
      picture.alt = data.alt + " " + frame.status;
      status.textContent = frame.status;
    }
    inputs.forEach(function (input) { input.addEventListener("input", show); });
    root.querySelector(".ce-controls").hidden = false;
    root.querySelector(".ce-note").hidden = true;
    root.dataset.ready = "1";
  }
  document.querySelectorAll(".course-explorer").forEach(setup);
})();
