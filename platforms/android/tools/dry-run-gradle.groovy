// Evaluates a Gradle build script without Gradle or the Android plugin, where neither exists
// (README.md, "What was verified"): files, properties and checks run for real; everything
// Gradle-specific (android {}, tasks, layout) is recorded and printed instead of run.
//
//   RESPITE_SOURCES_DIR=... SDL2_SOURCE_DIR=... RESPITE_HOST_BUILD_DIR=... \
//     groovy tools/dry-run-gradle.groovy app/build.gradle .      (from platforms/android)
class GradleException extends RuntimeException { GradleException(String m) { super(m) } }
class Recorder {
  String path; List log
  Recorder(String p, List l) { path = p; log = l }
  def methodMissing(String name, args) {
    log << "${path}.${name}(${args.findAll { !(it instanceof Closure) }.join(', ')})"
    def child = new Recorder("${path}.${name}", log)
    args.each { if (it instanceof Closure) { it.delegate = child; it.resolveStrategy = Closure.DELEGATE_FIRST; it.call() } }
    child
  }
  def propertyMissing(String name) { new Recorder("${path}.${name}", log) }
  def propertyMissing(String name, value) { log << "${path}.${name} = ${value}" }
  def plus(other) { log << "${path} += ${other}"; this }
}
def (scriptFile, projectDir) = [new File(args[0]), new File(args[1])]
def log = []
def binding = new Binding()
def rootDir = projectDir
binding.rootProject = [file: { String p -> new File(rootDir, p) }]
binding.file = { p -> p instanceof File ? p : new File(p.toString()).isAbsolute() ? new File(p.toString()) : new File(new File(rootDir, 'app'), p.toString()) }
['plugins', 'android', 'layout', 'tasks', 'Exec', 'JavaVersion'].each { binding."$it" = new Recorder(it, log) }
binding.GradleException = GradleException
def shell = new GroovyShell(this.class.classLoader, binding)
def script = shell.parse(scriptFile.text, scriptFile.name.replace('.', '_'))
script.metaClass.file = binding.file
script.metaClass.plugins = { Closure c -> binding.plugins.methodMissing('apply', [c] as Object[]) }
script.metaClass.android = { Closure c -> binding.android.methodMissing('configure', [c] as Object[]) }
try {
  script.run()
  log.each { println it }
  println "DRY-RUN OK"
} catch (Throwable e) {
  println "DRY-RUN FAILED: ${e.message}"
  System.exit(1)
}
