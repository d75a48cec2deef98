export default function HomePage() {
  return (
    <main>
      <h1>Topicscope</h1>
      <p>The dashboard is on its way.</p>
    </main>
  );
}
